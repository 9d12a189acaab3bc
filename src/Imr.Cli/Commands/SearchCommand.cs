using System.CommandLine;
using System.Text.Json;
using Imr.Archive.Search;
using Imr.Archive.Storage;
using Imr.Letters;
using Imr.Letters.Model;
using Spectre.Console;

namespace Imr.Cli.Commands;

/// <summary><c>imr search QUERY [filters] [--json]</c>: BM25-ranked full-text search of the archive.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("QUERY") { Description = "Words (all required) and \"quoted phrases\", searched in treatments, rationales and case summaries." };
        var decision = new Option<Decision?>("--decision") { Description = "Only items Upheld or Overturned." };
        var category = new Option<string?>("--category") { Description = "Only items of this treatment category (its id, e.g. opioids)." };
        var guideline = new Option<string?>("--guideline") { Description = "Only items whose reviewer relied on this guideline (part of its name, e.g. \"Chronic Pain\", ODG)." };
        var specialty = new Option<string?>("--specialty") { Description = "Only letters whose reviewer has this specialty (part of its name)." };
        var state = new Option<string?>("--state") { Description = "Only letters whose reviewer is licensed in this state (part of its name)." };
        var from = CommonOptions.Date("--from", "Only letters decided on or after this date");
        var to = CommonOptions.Date("--to", "Only letters decided on or before this date");
        var limit = new Option<int>("--limit") { Description = "At most this many hits.", DefaultValueFactory = _ => 20 };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json("Print one hit per line as JSON.");
        var command = new Command("search", "Search the archive: ranked hits with highlighted snippets.")
        {
            query, decision, category, guideline, specialty, state, from, to, limit, db, json,
        };
        command.SetAction(async (result, ct) =>
        {
            var q = new SearchQuery(result.GetValue(query)!)
            {
                Decision = result.GetValue(decision),
                Category = result.GetValue(category),
                Guideline = result.GetValue(guideline),
                Specialty = result.GetValue(specialty),
                State = result.GetValue(state),
                From = result.GetValue(from),
                To = result.GetValue(to),
                Limit = result.GetValue(limit),
            };
            await using var archive = await ArchiveDatabase.OpenAsync(result.GetValue(db), ct);
            var hits = await archive.SearchAsync(q, ct);
            if (result.GetValue(json))
            {
                foreach (var hit in hits) Console.WriteLine(JsonSerializer.Serialize(hit, LetterJson.Options));
            }
            else
            {
                Show(hits);
            }
            return 0;
        });
        return command;
    }

    /// <summary>The snippet's [matched terms] in bold, everything else escaped.</summary>
    private static string Highlight(string snippet)
    {
        var builder = new System.Text.StringBuilder();
        var open = false;
        foreach (var c in snippet)
        {
            if (c == '[' && !open) { builder.Append("[bold underline]"); open = true; }
            else if (c == ']' && open) { builder.Append("[/]"); open = false; }
            else builder.Append(Markup.Escape(c.ToString()));
        }
        if (open) builder.Append("[/]");
        return builder.ToString();
    }

    private static void Show(IReadOnlyList<SearchHit> hits)
    {
        if (hits.Count == 0)
        {
            AnsiConsole.MarkupLine("No letter matches.");
            return;
        }
        foreach (var hit in hits)
        {
            var item = hit.Items[0];
            var color = hit.Decision == Decision.Overturned ? "green" : "yellow";
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(hit.CaseNumber ?? hit.Source)}[/] {hit.DecisionDate:yyyy-MM-dd}  {Markup.Escape(item.Treatment)}: [{color}]{hit.Decision}[/]  [grey]{item.Category}, score {hit.Score:F2}[/]");
            AnsiConsole.MarkupLine("  " + Highlight(hit.Snippet));
        }
    }
}
