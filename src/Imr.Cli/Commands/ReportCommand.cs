using System.CommandLine;
using System.Text.Json;
using Imr.Archive.Reports;
using Imr.Archive.Storage;
using Imr.Letters;
using Spectre.Console;

namespace Imr.Cli.Commands;

/// <summary><c>imr report [--from DATE] [--to DATE] [--db X] [--json | --html OUT.html]</c>.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var from = CommonOptions.Date("--from", "Letters decided on or after this date");
        var to = CommonOptions.Date("--to", "Letters decided on or before this date");
        var db = CommonOptions.Db();
        var json = CommonOptions.Json("Print the report as JSON.");
        var html = new Option<string?>("--html") { Description = "Write the report as an HTML page with charts to this file." };
        var command = new Command("report", "The tables of the annual IMR report, computed from the archived letters.") { from, to, db, json, html };
        command.SetAction(async (result, ct) =>
        {
            await using var archive = await ArchiveDatabase.OpenAsync(result.GetValue(db), ct);
            var report = await archive.ReportAsync(new ReportQuery(result.GetValue(from), result.GetValue(to)), ct);
            if (result.GetValue(html) is { } path)
            {
                await File.WriteAllTextAsync(path, ReportHtmlWriter.Write(report), ct);
                AnsiConsole.MarkupLine($"Report written to [bold]{Markup.Escape(path)}[/] ({report.Letters:N0} letters).");
            }
            else if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(report, LetterJson.Options));
            }
            else
            {
                Show(report);
            }
            return 0;
        });
        return command;
    }

    private static void Show(ArchiveReport report)
    {
        AnsiConsole.MarkupLine($"[bold]{report.Letters:N0}[/] letters, [bold]{report.Items:N0}[/] items, [bold]{report.Overturned:N0}[/] overturned ({report.OverturnRate:P1}).");
        Table("By month of decision", report.ByMonth);
        Table("By treatment category", report.ByCategory);
        Table("By guideline relied on", report.ByGuideline);
        Table("By reviewer specialty", report.BySpecialty);
        Table("By reviewer licensure state", report.ByState);
        var days = new Table().Title("Days").AddColumn("interval").AddColumn("letters").AddColumn("median").AddColumn("90th percentile");
        days.AddRow("application to assignment", $"{report.ApplicationToAssignment.Letters:N0}", $"{report.ApplicationToAssignment.Median}", $"{report.ApplicationToAssignment.Percentile90}");
        days.AddRow("assignment to decision", $"{report.AssignmentToDecision.Letters:N0}", $"{report.AssignmentToDecision.Median}", $"{report.AssignmentToDecision.Percentile90}");
        AnsiConsole.Write(days);
    }

    private static void Table(string title, IReadOnlyList<ReportRow> rows)
    {
        var table = new Table().Title(title).AddColumn("").AddColumn("letters").AddColumn("items").AddColumn("overturned").AddColumn("rate");
        foreach (var row in rows)
            table.AddRow(Markup.Escape(row.Key), $"{row.Letters:N0}", $"{row.Items:N0}", $"{row.Overturned:N0}", $"{row.OverturnRate:P1}");
        AnsiConsole.Write(table);
    }
}
