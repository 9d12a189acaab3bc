namespace Imr.Letters.Reading;

/// <summary>One line of letter text with what separates it from the line before.</summary>
/// <param name="Text">The line, trimmed.</param>
/// <param name="Number">Its 1-based line number in the input.</param>
/// <param name="ParagraphBefore">A blank line (or a page break) stands before it.</param>
/// <param name="PageBefore">A page break stands before it.</param>
internal readonly record struct Line(string Text, int Number, bool ParagraphBefore, bool PageBefore);

/// <summary>
/// Turns extracted letter text, in either shape the letters come in, into <see cref="Line"/>s:
/// <list type="bullet">
/// <item>pdftotext output: blank lines between paragraphs, a form feed at each page break;</item>
/// <item>the "double-spaced" extraction of the plain-text letters: every line followed by an empty
/// line, paragraphs split by a line holding white space, a page break as a run of empty lines.</item>
/// </list>
/// </summary>
internal static class LetterLines
{
    public static List<Line> Split(string text)
    {
        var raw = text.Split('\n');
        return IsDoubleSpaced(raw) ? SplitDoubleSpaced(raw) : SplitPlain(raw);
    }

    // Double-spaced text: nearly every non-empty line is followed by an empty one.
    private static bool IsDoubleSpaced(string[] raw)
    {
        int content = 0, followedByEmpty = 0;
        for (var i = 0; i < raw.Length - 1; i++)
        {
            if (raw[i].AsSpan().Trim().IsEmpty) continue;
            content++;
            if (raw[i + 1].TrimEnd('\r').Length == 0) followedByEmpty++;
        }
        return content >= 4 && followedByEmpty >= content * 0.9;
    }

    private static List<Line> SplitPlain(string[] raw)
    {
        var lines = new List<Line>(raw.Length);
        bool paragraph = false, page = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var span = raw[i].AsSpan();
            if (span.Contains('\f'))
            {
                page = true;
                paragraph = true;
            }
            var trimmed = span.Trim(" \t\r\f\v\u00a0");
            if (trimmed.IsEmpty)
            {
                paragraph = true;
                continue;
            }
            lines.Add(new Line(trimmed.ToString(), i + 1, paragraph || lines.Count == 0, page));
            paragraph = page = false;
        }
        return lines;
    }

    private static List<Line> SplitDoubleSpaced(string[] raw)
    {
        var lines = new List<Line>(raw.Length / 2);
        bool paragraph = false, page = false;
        var emptyRun = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var line = raw[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                // One empty line follows every line; more than one is a page break.
                if (++emptyRun > 1) page = true;
                continue;
            }
            emptyRun = 0;
            if (line.Contains('\f')) page = true;
            var trimmed = line.AsSpan().Trim(" \t\f\v\u00a0");
            if (trimmed.IsEmpty)
            {
                paragraph = true;
                continue;
            }
            lines.Add(new Line(trimmed.ToString(), i + 1, paragraph || page || lines.Count == 0, page));
            paragraph = page = false;
        }
        return lines;
    }
}
