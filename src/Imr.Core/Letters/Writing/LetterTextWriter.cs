using System.Text;
using Imr.Letters.Model;

namespace Imr.Letters.Writing;

/// <summary>
/// Writes a determination as the canonical letter text: the layout <c>pdftotext -layout</c> gives for
/// a published letter. The header is a four-column table at fixed columns; headings are centred on
/// their own lines and followed directly by their first paragraph; paragraphs are wrapped at
/// <see cref="Width"/> columns and separated by one blank line; lines break only where a reader
/// joining them gets the text back (see <see cref="LineBreaking"/>).
/// </summary>
public static class LetterTextWriter
{
    /// <summary>The line width paragraphs are wrapped at, about what the published letters hold.</summary>
    public const int Width = 95;

    // Where the header's label, value, second label and second value start, as in most letters.
    private static readonly int[] HeaderColumns = [0, 22, 54, 75];

    public static string Write(Determination determination)
    {
        var layout = LetterLayout.Of(determination);
        var text = new StringBuilder();
        if (layout.Header.Count > 0)
        {
            foreach (var row in layout.Header) AppendHeaderRow(text, row);
            text.Append('\n');
        }

        for (var s = 0; s < layout.Sections.Count; s++)
        {
            var section = layout.Sections[s];
            if (s > 0) text.Append('\n');
            AppendLine(text, Centered(section.Heading));
            for (var b = 0; b < section.Blocks.Count; b++)
            {
                // The first paragraph follows its heading directly; later ones after a blank line.
                if (b > 0) text.Append('\n');
                AppendBlock(text, section.Blocks[b]);
            }
        }
        return text.ToString();
    }

    private static void AppendBlock(StringBuilder text, LetterBlock block)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                AppendLines(text, TextWrapper.Wrap(paragraph.FullText, Width));
                break;
            case LinesBlock lines:
                foreach (var line in lines.Lines) AppendLines(text, TextWrapper.Wrap(line, Width));
                break;
            case ItemBlock item:
                AppendLines(text, TextWrapper.Wrap(item.DecisionLine, Width, keepLastUnitsTogether: true));
                foreach (var paragraph in item.Paragraphs)
                {
                    text.Append('\n');
                    AppendBlock(text, paragraph);
                }
                break;
            default:
                throw new InvalidOperationException($"No text form for {block.GetType().Name}.");
        }
    }

    /// <summary>A header row at fixed columns; a cell's lines (a label printed on two, a value too
    /// wide for its column) continue below it.</summary>
    private static void AppendHeaderRow(StringBuilder text, HeaderRow row)
    {
        var cells = row.Second is null ? [row.First] : new[] { row.First, row.Second };
        var wrapped = new List<IReadOnlyList<string>>();
        for (var c = 0; c < cells.Length * 2; c++)
        {
            var columnWidth = c + 1 < HeaderColumns.Length ? HeaderColumns[c + 1] - HeaderColumns[c] - 2 : Width - HeaderColumns[c];
            var cell = cells[c / 2];
            wrapped.Add(c % 2 == 0
                ? cell.LabelLines.SelectMany(line => TextWrapper.Wrap(line, columnWidth)).ToList()
                : TextWrapper.Wrap(cell.Value, columnWidth));
        }

        var lineCount = Math.Max(1, wrapped.Max(w => w.Count));
        for (var l = 0; l < lineCount; l++)
        {
            var line = new StringBuilder();
            for (var c = 0; c < wrapped.Count; c++)
            {
                if (l >= wrapped[c].Count) continue;
                // Two spaces at least, so columns stay apart even when a value overruns its column.
                line.Append(' ', line.Length == 0 ? HeaderColumns[c] : Math.Max(2, HeaderColumns[c] - line.Length));
                line.Append(wrapped[c][l]);
            }
            AppendLine(text, line.ToString());
        }
    }

    private static string Centered(string heading) =>
        new string(' ', Math.Max(0, (Width - heading.Length) / 2)) + heading;

    private static void AppendLines(StringBuilder text, IEnumerable<string> lines)
    {
        foreach (var line in lines) AppendLine(text, line);
    }

    private static void AppendLine(StringBuilder text, string line) => text.Append(line.TrimEnd()).Append('\n');
}
