using System.CommandLine;
using System.Text.Json;
using Imr.DecisionSupport;
using Imr.Letters;
using Imr.Letters.Model;
using Imr.Letters.Reading;
using Spectre.Console;

namespace Imr.Cli.Commands;

/// <summary><c>imr draft FILE... [--json]</c>: drafts determinations from case files or letters (decisions stripped).</summary>
internal static class DraftCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Case files (.json: {caseSummary, items: [{treatment, claimsAdministratorGuideline?}], ...}) or letters (.pdf, .txt), whose decisions are stripped first.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = CommonOptions.Json("Print one JSON object per input per line.");
        var command = new Command("draft", "Draft each item's determination with the guideline engine: criteria, evidence, decision, rationale.")
        {
            files,
            json,
        };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(files)!, result.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] files, bool json, CancellationToken cancellationToken)
    {
        var failed = 0;
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = false };
        foreach (var file in files)
        {
            var source = Path.GetFileName(file);
            var (caseFile, error) = await ReadAsync(file, cancellationToken);
            if (caseFile is null)
            {
                failed++;
                if (json) await stdout.WriteLineAsync(LetterJson.SerializeError(source, error!));
                else
                {
                    await stdout.FlushAsync(cancellationToken);
                    AnsiConsole.MarkupLine($"[red]{Markup.Escape(source)}[/]: {Markup.Escape(error!)}");
                }
                continue;
            }
            var draft = DraftEngine.Draft(caseFile);
            if (json) await stdout.WriteLineAsync(DraftJson.Serialize(source, draft));
            else
            {
                await stdout.FlushAsync(cancellationToken);
                Show(source, draft);
            }
        }
        await stdout.FlushAsync(cancellationToken);
        return failed > 0 ? 1 : 0;
    }

    private static async Task<(CaseFile? CaseFile, string? Error)> ReadAsync(string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file)) return (null, "no such file");
        if (string.Equals(Path.GetExtension(file), ".json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return (DraftJson.DeserializeCaseFile(await File.ReadAllTextAsync(file, cancellationToken)), null);
            }
            catch (JsonException e)
            {
                return (null, "not a case file: " + e.Message);
            }
        }
        var outcome = await LetterBatch.ReadOneAsync(file, cancellationToken);
        return outcome.Result is { } r ? (CaseFile.FromDetermination(r.Determination), null) : (null, outcome.Error);
    }

    private static void Show(string source, Draft draft)
    {
        AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(source)}[/]").LeftJustified());
        foreach (var item in draft.Items)
        {
            var color = item.Decision == Decision.Overturned ? "green" : "yellow";
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(item.Treatment)}[/]  ({Markup.Escape(item.Category)}; policy {Markup.Escape(item.Policy ?? "fallback")})");
            AnsiConsole.MarkupLine($"  Draft: [{color}]{item.Decision}[/]  confidence {item.Confidence:0.00}");
            var table = new Table().Border(TableBorder.Rounded).AddColumn("Criterion").AddColumn("Status").AddColumn("Evidence");
            foreach (var c in item.Criteria)
            {
                var status = c.Status switch
                {
                    CriterionStatus.Met => "[green]met[/]",
                    CriterionStatus.NotMet => "[red]not met[/]",
                    CriterionStatus.NotApplicable => "[grey]not applicable[/]",
                    _ => "[grey]not documented[/]",
                };
                table.AddRow(Markup.Escape(c.Description), status, Markup.Escape(string.Join(" | ", c.Evidence.Select(e => $"\"{e.Text}\" @{e.Start}"))));
            }
            AnsiConsole.Write(table);
            if (item.Missing.Count > 0) AnsiConsole.MarkupLine($"  Missing: {Markup.Escape(string.Join("; ", item.Missing))}");
            AnsiConsole.MarkupLine($"  Cites: {Markup.Escape(string.Join("; ", item.Citations.Select(c => c.Text)))}");
            AnsiConsole.WriteLine("  " + item.Rationale);
            AnsiConsole.WriteLine();
        }
    }
}
