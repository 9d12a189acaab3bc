using System.CommandLine;
using System.Text.Json;
using Imr.Letters;
using Imr.Letters.Writing;
using Spectre.Console;

namespace Imr.Cli.Commands;

/// <summary><c>imr render FILE.json [--text | --pdf OUT.pdf]</c>: a determination back to a letter.</summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE.json") { Description = "A determination as 'imr parse --json' prints it (its first line is used)." };
        var text = new Option<bool>("--text") { Description = "Print the letter as text (the default)." };
        var pdf = new Option<string?>("--pdf") { Description = "Write the letter as PDF to this file." };
        var html = new Option<string?>("--html") { Description = "Write the letter as HTML to this file." };
        var command = new Command("render", "Write a determination out as a final determination letter (text, HTML or PDF).")
        {
            file, text, pdf, html,
        };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(file)!, result.GetValue(pdf), result.GetValue(html), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string file, string? pdf, string? html, CancellationToken cancellationToken)
    {
        Letters.Model.Determination determination;
        try
        {
            var json = File.ReadLines(file).FirstOrDefault(l => l.Trim().Length > 0)
                ?? throw new JsonException("the file is empty");
            determination = LetterJson.Deserialize(json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(file)}[/]: not a determination: {Markup.Escape(e.Message)}");
            return 1;
        }

        if (pdf is not null)
        {
            try
            {
                await new LetterPdfWriter().WriteAsync(determination, pdf, cancellationToken);
            }
            catch (ExternalToolException e)
            {
                AnsiConsole.MarkupLine($"[red]cannot write {Markup.Escape(pdf)}[/]: {Markup.Escape(e.Message)}");
                return 1;
            }
            AnsiConsole.MarkupLine($"Letter written to [bold]{Markup.Escape(pdf)}[/].");
            return 0;
        }
        if (html is not null)
        {
            await File.WriteAllTextAsync(html, LetterHtmlWriter.Write(determination), cancellationToken);
            AnsiConsole.MarkupLine($"Letter written to [bold]{Markup.Escape(html)}[/].");
            return 0;
        }
        await Console.Out.WriteAsync(LetterTextWriter.Write(determination).AsMemory(), cancellationToken);
        return 0;
    }
}
