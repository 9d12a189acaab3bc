using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Imr.Letters.Model;

namespace Imr.Letters.Writing;

/// <summary>
/// Writes a determination as HTML: a complete, accessible HTML5 document (also what
/// <see cref="LetterPdfWriter"/> prints) or a fragment to embed in a page. Everything from the
/// determination is encoded. The markup is also well-formed XML, so it can be checked and processed
/// as such. Printed, it looks like the published letters: US Letter, one-inch margins, Times 12 pt,
/// the bordered header table in Arial 10 pt, and nothing in the page margins.
/// </summary>
public static partial class LetterHtmlWriter
{
    /// <summary>The letter's styles, every rule scoped to <c>.imr-letter</c> except the print page box;
    /// a page embedding <see cref="WriteFragment"/> should include it.</summary>
    public const string Stylesheet = """
        @page { size: letter; margin: 1in; }
        .imr-letter {
          color: #000; background: #fff;
          font-family: "Times New Roman", Times, "Liberation Serif", "Nimbus Roman", "DejaVu Serif", serif;
          font-size: 12pt; line-height: 1.15;
        }
        .imr-letter p { margin: 0 0 1.15em; }
        .imr-letter h1 { font-size: 1.25em; margin: 0 0 1em; }
        .imr-letter h2 {
          font-size: 1em; font-weight: bold; text-align: center; letter-spacing: 0.02em;
          margin: 0 0 0.5em; break-after: avoid;
        }
        .imr-letter h3 {
          font-size: 1em; font-weight: bold; font-style: italic;
          margin: 0 0 1.15em; break-after: avoid; break-inside: avoid;
        }
        .imr-letter .imr-decision { font-weight: normal; font-style: normal; }
        .imr-letter .imr-label { font-weight: bold; }
        /* A guideline statement is read as one paragraph: a page break inside one would end it there. */
        .imr-letter p.imr-guideline { break-inside: avoid; }
        .imr-letter .imr-nobr { white-space: nowrap; }
        /* The box reaches past the text column by a cell's padding and border, so that the header's
           words start where the paragraphs' do: pdftotext would otherwise indent the header lines. */
        .imr-letter .imr-header-box { margin: 0 -4.75pt 1.15em; }
        .imr-letter .imr-header {
          width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0;
          font-family: Arial, Helvetica, "Liberation Sans", "Nimbus Sans", "DejaVu Sans", sans-serif;
          font-size: 10pt; line-height: 1.15;
        }
        .imr-letter .imr-header th, .imr-letter .imr-header td {
          border: 0.75pt solid #000; padding: 0 4pt; text-align: left; vertical-align: top;
        }
        .imr-letter .imr-header th { font-weight: bold; }
        /* The published proportions, with the second label column a little wider: labels must end well
           before their values even in fonts wider than Arial, or pdftotext runs them together. */
        .imr-letter .imr-header col.imr-col-label { width: 23%; }
        .imr-letter .imr-header col.imr-col-value { width: 28%; }
        .imr-letter .imr-header col.imr-col-label2 { width: 25%; }
        .imr-letter .imr-header col.imr-col-value2 { width: 24%; }
        .imr-letter .imr-header caption { text-align: left; font-weight: bold; padding: 0 0 0.25em; }
        @media screen {
          .imr-letter { max-width: 6.5in; margin: 0 auto; padding: 1.5rem; }
          .imr-letter .imr-decision {
            display: inline-block; padding: 0 0.4em; border: 1px solid; border-radius: 0.25em; font-weight: bold;
          }
          .imr-letter .imr-decision-upheld { color: #7a1a1a; background: #fdecea; }
          .imr-letter .imr-decision-overturned { color: #14532d; background: #e7f6ec; }
        }
        @media print {
          body { margin: 0; }
          .imr-letter .imr-screen-only { display: none; }
        }
        """;

    /// <summary>The letter as a complete HTML5 document (UTF-8, English, styles inline).</summary>
    public static string Write(Determination determination)
    {
        ArgumentNullException.ThrowIfNull(determination);
        var title = determination.CaseNumber is { } caseNumber
            ? $"IMR Final Determination {caseNumber.Value}"
            : "IMR Final Determination";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
            .Append("<title>").Append(HtmlText.Encode(title)).Append("</title>\n")
            .Append("<style>\n").Append(Stylesheet).Append("\n</style>\n</head>\n<body>\n");
        AppendLetter(html, determination, "imr");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// The letter as an <c>&lt;article&gt;</c> to embed in a page that includes <see cref="Stylesheet"/>.
    /// </summary>
    /// <param name="idPrefix">Starts every id in the fragment, so that several letters can share a page.</param>
    /// <exception cref="ArgumentException">The prefix is not a plain identifier (a letter, then letters,
    /// digits, '-' or '_').</exception>
    public static string WriteFragment(Determination determination, string idPrefix = "imr")
    {
        ArgumentNullException.ThrowIfNull(determination);
        if (!IdPrefix().IsMatch(idPrefix))
            throw new ArgumentException($"'{idPrefix}' is not a usable id prefix (a letter, then letters, digits, '-' or '_').", nameof(idPrefix));
        var html = new StringBuilder();
        AppendLetter(html, determination, idPrefix);
        return html.ToString();
    }

    private static void AppendLetter(StringBuilder html, Determination determination, string id)
    {
        var layout = LetterLayout.Of(determination);
        html.Append("<article class=\"imr-letter\" aria-labelledby=\"").Append(id).Append("-title\">\n");

        // The title is for screens and assistive technology; the published letters print none, and
        // printed text must read back as a letter.
        html.Append("<h1 id=\"").Append(id).Append("-title\" class=\"imr-screen-only\">Independent Medical Review Final Determination");
        if (determination.CaseNumber is { } caseNumber) html.Append(' ').Append(HtmlText.Encode(caseNumber.Value));
        html.Append("</h1>\n");

        if (layout.Header.Count > 0) AppendHeader(html, layout.Header);

        foreach (var section in layout.Sections)
        {
            var sectionId = $"{id}-{section.Key}";
            html.Append("<section aria-labelledby=\"").Append(sectionId).Append("\">\n")
                .Append("<h2 id=\"").Append(sectionId).Append("\">").Append(HtmlText.Encode(section.Heading)).Append("</h2>\n");
            var itemNumber = 0;
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ParagraphBlock paragraph:
                        AppendParagraph(html, paragraph);
                        break;
                    case LinesBlock lines:
                        AppendLines(html, lines);
                        break;
                    case ItemBlock item:
                        AppendItem(html, item, $"{id}-item-{++itemNumber}");
                        break;
                    default:
                        throw new InvalidOperationException($"No HTML form for {block.GetType().Name}.");
                }
            }
            html.Append("</section>\n");
        }
        html.Append("</article>\n");
    }

    /// <summary>The header table of the published letters: four columns, labels as row headers, the
    /// case number across the row. Dates are <c>&lt;time&gt;</c> elements carrying the ISO date.</summary>
    private static void AppendHeader(StringBuilder html, IReadOnlyList<HeaderRow> rows)
    {
        html.Append("<div class=\"imr-header-box\">\n<table class=\"imr-header\">\n<caption class=\"imr-screen-only\">Case details</caption>\n")
            .Append("<colgroup><col class=\"imr-col-label\" /><col class=\"imr-col-value\" /><col class=\"imr-col-label2\" /><col class=\"imr-col-value2\" /></colgroup>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            AppendHeaderCell(html, row.First, row.Second is null ? 3 : 1);
            if (row.Second is not null) AppendHeaderCell(html, row.Second, 1);
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n</div>\n");
    }

    private static void AppendHeaderCell(StringBuilder html, HeaderCell cell, int span)
    {
        html.Append("<th scope=\"row\">");
        for (var i = 0; i < cell.LabelLines.Count; i++)
        {
            if (i > 0) html.Append("<br />");
            HtmlText.Append(html, cell.LabelLines[i]);
        }
        html.Append("</th><td").Append(span > 1 ? $" colspan=\"{span}\"" : "").Append('>');
        if (cell.Date is { } date)
        {
            html.Append("<time datetime=\"").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\">");
            HtmlText.Append(html, cell.Value);
            html.Append("</time>");
        }
        else
        {
            HtmlText.Append(html, cell.Value);
        }
        html.Append("</td>");
    }

    private static void AppendParagraph(StringBuilder html, ParagraphBlock paragraph)
    {
        var guideline = paragraph.Label?.Contains("guideline", StringComparison.OrdinalIgnoreCase) == true;
        html.Append(guideline ? "<p class=\"imr-guideline\">" : "<p>");
        if (paragraph.Label is not null)
        {
            html.Append("<strong class=\"imr-label\">");
            HtmlText.Append(html, paragraph.Label);
            html.Append("</strong>");
            var text = LineBreaking.Normalize(paragraph.Text);
            if (text.Length > 0) html.Append(' ');
            HtmlText.Append(html, text);
        }
        else
        {
            HtmlText.Append(html, paragraph.Text);
        }
        html.Append("</p>\n");
    }

    private static void AppendLines(StringBuilder html, LinesBlock lines)
    {
        html.Append("<p>");
        for (var i = 0; i < lines.Lines.Count; i++)
        {
            if (i > 0) html.Append("<br />");
            HtmlText.Append(html, lines.Lines[i]);
        }
        html.Append("</p>\n");
    }

    /// <summary>
    /// An item as a subsection headed by its decision line. The last word of the treatment, the colon
    /// and the decision are kept on one line, so the line always ends "...: Upheld".
    /// </summary>
    private static void AppendItem(StringBuilder html, ItemBlock item, string id)
    {
        var decision = item.Decision.ToString();
        html.Append("<section aria-labelledby=\"").Append(id).Append("\">\n<h3 id=\"").Append(id).Append("\">");
        var units = LineBreaking.Units(LineBreaking.Normalize(item.Treatment));
        if (units.Count > 1)
        {
            HtmlText.AppendUnits(html, units.Take(units.Count - 1));
            html.Append(' ');
        }
        html.Append("<span class=\"").Append(HtmlText.NoBreakClass).Append("\">");
        if (units.Count > 0) HtmlText.Encode(html, units[^1]);
        html.Append(": <span class=\"imr-decision imr-decision-").Append(decision.ToLowerInvariant()).Append("\">")
            .Append(decision).Append("</span></span></h3>\n");
        foreach (var paragraph in item.Paragraphs) AppendParagraph(html, paragraph);
        html.Append("</section>\n");
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex IdPrefix();
}
