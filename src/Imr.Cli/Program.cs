// Placeholder entry point so the solution (and the test project, which references the CLI) builds
// before the CLI itself is written; replace it wholesale.
return 0;
