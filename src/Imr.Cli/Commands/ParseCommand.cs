using System.CommandLine;
using Imr.Letters;
using Imr.Letters.Model;
using Imr.Letters.Reading;
using Spectre.Console;

namespace Imr.Cli.Commands;

/// <summary><c>imr parse PATH... [--json]</c>: reads letters into determinations.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Letter files (.pdf or .txt) or directories of them (read in name order).",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per letter per line." };
        var command = new Command("parse", "Read final determination letters (PDF or extracted text) into determinations.")
        {
            paths,
            json,
        };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(paths)!, result.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, bool json, CancellationToken cancellationToken)
    {
        var failed = 0;
        var read = 0;
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = false };
        await foreach (var (file, outcome) in LetterBatch.ReadAsync(InputFiles.Expand(paths), cancellationToken))
        {
            var source = Path.GetFileName(file);
            if (outcome.Error is { } error)
            {
                failed++;
                if (json) await stdout.WriteLineAsync(LetterJson.SerializeError(source, error));
                else
                {
                    await stdout.FlushAsync(cancellationToken);
                    AnsiConsole.MarkupLine($"[red]{Markup.Escape(source)}[/]: {Markup.Escape(error)}");
                }
                continue;
            }
            read++;
            if (json)
            {
                await stdout.WriteLineAsync(LetterJson.Serialize(source, outcome.Result!));
            }
            else
            {
                await stdout.FlushAsync(cancellationToken);
                Show(source, outcome.Result!);
            }
        }
        await stdout.FlushAsync(cancellationToken);
        if (!json)
            AnsiConsole.MarkupLine($"[bold]{read}[/] letter(s) read, [bold]{(failed > 0 ? "[red]" + failed + "[/]" : "0")}[/] failed.");
        return failed > 0 ? 1 : 0;
    }

    private static void Show(string source, ReadResult result)
    {
        var d = result.Determination;
        var title = $"[bold]{Markup.Escape(source)}[/]" + (d.CaseNumber is { } c ? $"  {c}" : "")
            + (d.DecisionDate is { } date ? $"  decided {date:yyyy-MM-dd}" : "");
        var table = new Table().Border(TableBorder.Rounded).Title(title)
            .AddColumn("Treatment").AddColumn("Decision").AddColumn("Reviewer relied on");
        foreach (var item in d.Items)
        {
            var color = item.Decision == Decision.Overturned ? "green" : "yellow";
            table.AddRow(
                Markup.Escape(item.Treatment),
                $"[{color}]{item.Decision}[/]",
                Markup.Escape(string.Join("; ", item.ReviewerCitations.Select(Describe))));
        }
        AnsiConsole.Write(table);
        var reviewer = d.Reviewer;
        AnsiConsole.MarkupLine($"  Reviewer: {Markup.Escape(string.Join(", ", reviewer.Specialties))}; licensed in {Markup.Escape(string.Join(", ", reviewer.Licensure))}");
        foreach (var diagnostic in result.Diagnostics)
            AnsiConsole.MarkupLine($"  [yellow]warning[/] {Markup.Escape(diagnostic.ToString())}");
    }

    private static string Describe(Letters.Citations.Citation citation) => citation switch
    {
        Letters.Citations.MtusCitation m => $"MTUS {m.Guideline}" + (m.Sections.Count > 0 ? ": " + string.Join(", ", m.Sections) : ""),
        Letters.Citations.NonMtusCitation n => $"{n.Source}",
        Letters.Citations.GuidelineStatement s => s.Statement.ToString(),
        _ => citation.Text,
    };
}
