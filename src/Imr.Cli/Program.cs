using System.CommandLine;
using Imr.Cli.Commands;

var root = new RootCommand("imr: Independent Medical Review final determination letters: read, write, archive, study.")
{
    ParseCommand.Create(),
    RenderCommand.Create(),
    ImportCommand.Create(),
    SearchCommand.Create(),
    ReportCommand.Create(),
    GenerateCommand.Create(),
    DraftCommand.Create(),
    EvaluateCommand.Create(),
};
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("imr: cancelled");
    return 130;
}
catch (Exception e)
{
    // A person gets what went wrong in plain words; a stack trace only when asked for (IMR_DEBUG=1).
    Console.Error.WriteLine($"imr: {e.Message}");
    if (Environment.GetEnvironmentVariable("IMR_DEBUG") == "1") Console.Error.WriteLine(e);
    return 2;
}
