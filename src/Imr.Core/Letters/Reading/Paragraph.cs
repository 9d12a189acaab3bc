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
        var builder = new StringBuilder();
        for (var i = start; i < end; i++) Append(builder, lines[i].Text);
        return builder.ToString();
    }

    public static void Append(StringBuilder builder, ReadOnlySpan<char> text)
    {
        if (builder.Length > 0 && builder[^1] != ' ' && !(builder[^1] == '-' && StartsLower(text))) builder.Append(' ');
        var space = builder.Length > 0 && builder[^1] == ' ';
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space && builder.Length > 0) builder.Append(' ');
                space = true;
            }
            else
            {
                builder.Append(c);
                space = false;
            }
        }
        if (builder.Length > 0 && builder[^1] == ' ') builder.Length--;
    }

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
