using System.CommandLine;
using Imr.Letters.Reading;
using Imr.Letters.Synthetic;
using Imr.Letters.Writing;
using Spectre.Console;

namespace Imr.Cli.Commands;

/// <summary><c>imr generate COUNT --from PATH... --out DIR [--seed N]</c>: synthetic letters for benchmarks.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var count = new Argument<int>("COUNT") { Description = "How many letters to write." };
        var from = new Option<string[]>("--from") { Description = "Real letters (files or directories) to recombine.", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "The directory to write the letters to (as text).", Required = true };
        var seed = new Option<int>("--seed") { Description = "The same seed gives the same letters.", DefaultValueFactory = _ => 4610 };
        var command = new Command("generate", "Write realistic synthetic letters recombined from real ones (for benchmarks and demonstrations).")
        {
            count, from, output, seed,
        };
        command.SetAction(async (result, ct) =>
        {
            var sources = new List<Letters.Model.Determination>();
            await foreach (var (file, outcome) in LetterBatch.ReadAsync(InputFiles.Expand(result.GetValue(from)!), ct))
            {
                if (outcome.Result is { } read) sources.Add(read.Determination);
                else AnsiConsole.MarkupLine($"[yellow]skipped[/] {Markup.Escape(Path.GetFileName(file))}: {Markup.Escape(outcome.Error!)}");
            }
            var dir = result.GetValue(output)!;
            Directory.CreateDirectory(dir);
            var generator = new LetterGenerator(sources);
            var n = result.GetValue(count);
            var i = 0;
            foreach (var letter in generator.GenerateMany(n, result.GetValue(seed)))
            {
                await File.WriteAllTextAsync(Path.Combine(dir, $"{letter.CaseNumber}.txt"), LetterTextWriter.Write(letter), ct);
                i++;
            }
            AnsiConsole.MarkupLine($"{i:N0} letters written to [bold]{Markup.Escape(dir)}[/] from {sources.Count} source letters.");
            return 0;
        });
        return command;
    }
}
