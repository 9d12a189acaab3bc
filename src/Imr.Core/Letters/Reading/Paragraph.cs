using System.Text;

namespace Imr.Letters.Reading;

/// <summary>
/// Joins extracted lines into whitespace-normalised text: runs of white space, line ends included,
/// become one space, except that a line-end hyphen followed by a lower-case word is kept and the word
/// joined to it ("well-" / "established"). Before a digit or a capital it is taken for the end of a
/// date, range or name ("10-30-" / "2016", "Non-" / "MTUS") and the space stays.
/// </summary>
internal static class Paragraph
{
    public static string Join(List<Line> lines, int start, int end)
    {
        var length = 0;
        for (var i = start; i < end; i++) length += lines[i].Text.Length + 1;
        var builder = new StringBuilder(length);
        for (var i = start; i < end; i++) Append(builder, lines[i].Text);
        return builder.ToString();
    }

    public static void Append(StringBuilder builder, ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty) return;
        if (builder.Length > 0 && builder[^1] != ' ' && !(builder[^1] == '-' && char.IsLower(text[0]))) builder.Append(' ');
        // Most lines are already normal: their only white space is single spaces between words.
        if (text.IndexOfAny(WhitespaceButSpace) < 0 && text.IndexOf("  ", StringComparison.Ordinal) < 0)
        {
            builder.Append(text);
            return;
        }
        // Words are appended whole; only runs of white space are looked at character by character.
        while (!text.IsEmpty)
        {
            var space = text.IndexOfAny(Whitespace);
            if (space < 0)
            {
                builder.Append(text);
                return;
            }
            builder.Append(text[..space]).Append(' ');
            text = text[space..].TrimStart();
        }
    }

    // The characters char.IsWhiteSpace accepts (what Trim removes).
    private const string WhitespaceCharacters = " \t\r\n\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\u0085\u1680";

    private static readonly System.Buffers.SearchValues<char> Whitespace = System.Buffers.SearchValues.Create(WhitespaceCharacters);

    private static readonly System.Buffers.SearchValues<char> WhitespaceButSpace = System.Buffers.SearchValues.Create(WhitespaceCharacters.AsSpan(1));

    private static bool StartsLower(ReadOnlySpan<char> text)
    {
        text = text.TrimStart();
        return !text.IsEmpty && char.IsLower(text[0]);
    }

    /// <summary>Whitespace-normalises a text that is already joined.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        Append(builder, text);
        return builder.ToString();
    }
}
