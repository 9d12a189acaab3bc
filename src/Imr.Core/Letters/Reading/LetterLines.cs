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
        // The lines split at '\n' (as string.Split would), found in place: line i is
        // text[starts[i]..(starts[i + 1] - 1)].
        var count = text.AsSpan().Count('\n') + 1;
        var starts = System.Buffers.ArrayPool<int>.Shared.Rent(count + 1);
        try
        {
            var next = 0;
            for (var i = 0; i < count; i++)
            {
                starts[i] = next;
                var newline = text.AsSpan(next).IndexOf('\n');
                next = newline < 0 ? text.Length + 1 : next + newline + 1;
            }
            starts[count] = text.Length + 1;
            var raw = new RawLines(text, starts, count);
            return IsDoubleSpaced(raw) ? SplitDoubleSpaced(raw) : SplitPlain(raw);
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(starts);
        }
    }

    /// <summary>The text's lines, without their '\n'.</summary>
    private readonly ref struct RawLines(string text, int[] starts, int count)
    {
        private readonly string _text = text;
        private readonly int[] _starts = starts;

        public int Length { get; } = count;

        public ReadOnlySpan<char> this[int i] => _text.AsSpan(_starts[i], _starts[i + 1] - 1 - _starts[i]);
    }

    // Double-spaced text: nearly every non-empty line is followed by an empty one.
    private static bool IsDoubleSpaced(RawLines raw)
    {
        int content = 0, followedByEmpty = 0;
        for (var i = 0; i < raw.Length - 1; i++)
        {
            if (raw[i].Trim().IsEmpty) continue;
            content++;
            if (raw[i + 1].TrimEnd('\r').Length == 0) followedByEmpty++;
        }
        return content >= 4 && followedByEmpty >= content * 0.9;
    }

    private static List<Line> SplitPlain(RawLines raw)
    {
        var lines = new List<Line>(raw.Length);
        bool paragraph = false, page = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var span = raw[i];
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

    private static List<Line> SplitDoubleSpaced(RawLines raw)
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
            var trimmed = line.Trim(" \t\f\v\u00a0");
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
