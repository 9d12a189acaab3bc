using System.Diagnostics;

namespace Imr.Tests.Cli;

/// <summary>Runs the built <c>imr</c> program as a user would, capturing its output and exit code.</summary>
internal static class CliRunner
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr)
    {
        public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>The CLI in its own build output (see the test project), where its dependencies are.</summary>
    public static string ImrDll { get; } = Path.GetFullPath(typeof(CliRunner).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "ImrCli").Value!.Replace('\\', Path.DirectorySeparatorChar));

    public static async Task<Run> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ImrDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Run(process.ExitCode, await stdout, await stderr);
    }
}
