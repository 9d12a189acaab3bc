using System.CommandLine;
using System.Text.Json;
using Imr.Archive.Import;
using Imr.Archive.Storage;
using Imr.Letters;
using Spectre.Console;

namespace Imr.Cli.Commands;

/// <summary><c>imr import PATH... [--db X] [--json]</c>: stores letters in the archive.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Letter files or directories of them.", Arity = ArgumentArity.OneOrMore };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json("Print the summary as JSON.");
        var command = new Command("import", "Import letters into the archive: idempotent, versioned, in transactional batches.") { paths, db, json };
        command.SetAction((result, ct) => RunAsync(result.GetValue(paths)!, result.GetValue(db), result.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, string? db, bool json, CancellationToken cancellationToken)
    {
        var files = InputFiles.Expand(paths).ToList();
        await using var archive = await ArchiveDatabase.OpenAsync(db, cancellationToken);
        var importer = new Importer(archive);
        ImportSummary summary;
        if (!json && AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
        {
            summary = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new CountColumn(), new RateColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("importing", maxValue: files.Count);
                    var progress = new Progress<ImportProgress>(p => task.Value = p.Done);
                    return await importer.ImportAsync(files, progress, cancellationToken);
                });
        }
        else
        {
            summary = await importer.ImportAsync(files, null, cancellationToken);
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                imported = summary.Imported,
                newVersions = summary.NewVersions,
                unchanged = summary.Unchanged,
                failed = summary.Failed.Select(f => new { source = f.Source, error = f.Error }),
                seconds = Math.Round(summary.Elapsed.TotalSeconds, 3),
                engine = archive.Engine,
            }, LetterJson.Options));
        }
        else
        {
            var rate = summary.Read / Math.Max(summary.Elapsed.TotalSeconds, 1e-9);
            AnsiConsole.MarkupLine($"[bold]{summary.Imported}[/] imported, [bold]{summary.NewVersions}[/] new versions, [bold]{summary.Unchanged}[/] unchanged, "
                + $"[bold]{(summary.Failed.Count > 0 ? "[red]" + summary.Failed.Count + "[/]" : "0")}[/] failed in {summary.Elapsed.TotalSeconds:F1} s ({rate:N0} letters/s) into {archive.Engine}.");
            foreach (var failure in summary.Failed)
                AnsiConsole.MarkupLine($"  [red]{Markup.Escape(failure.Source)}[/]: {Markup.Escape(failure.Error)}");
        }
        return summary.Failed.Count > 0 ? 1 : 0;
    }

    /// <summary>Letters per second, for the progress bar.</summary>
    private sealed class RateColumn : ProgressColumn
    {
        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text($"{task.Speed ?? 0:N0}/s", new Style(Color.Grey));
    }

    /// <summary>Files done of the total.</summary>
    private sealed class CountColumn : ProgressColumn
    {
        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text($"{task.Value:N0}/{task.MaxValue:N0}");
    }
}
