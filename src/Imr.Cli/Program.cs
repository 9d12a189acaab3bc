using System.CommandLine;
using Imr.Cli.Commands;

var root = new RootCommand("imr: Independent Medical Review final determination letters: read, write, archive, study.")
{
    ParseCommand.Create(),
    RenderCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
