using System.Text;

namespace Imr.Letters.Writing;

/// <summary>
/// Where a line of letter text may break. A reader joins wrapped lines with a space, except after a
/// line-end hyphen followed by a lower-case word, which it keeps and joins without one. So a break is
/// safe only at a space not preceded by a dash (else the reader could drop that space) or just after a
/// hyphen inside a word whose next letter is lower case ("well-" / "established"; never "L5-" / "S1",
/// which the reader would join with a space). Both writers break only there: the text
/// writer by choosing lines itself, the HTML writer by marking everything else unbreakable.
/// </summary>
internal static class LineBreaking
{
    /// <summary>
    /// Collapses every run of white space to one space and trims. Drops control characters (extraction
    /// debris, not allowed in HTML) and invisible format characters such as the soft hyphen and the
    /// zero-width space: they only hint at line breaks, a browser would break (and hyphenate) at them,
    /// and they vanish from the printed text, so keeping them would make a letter not read back equal.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }
            if (char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format) continue;
            if (pendingSpace) result.Append(' ');
            pendingSpace = false;
            result.Append(c);
        }
        return result.ToString();
    }

    /// <summary>
    /// Splits normalised text at the spaces where a line may break. A word ending in a dash is kept
    /// with the next word ("pre- and post-operative", "pain - severe"): a line ending in that dash would
    /// be joined to the next line without the space the text has.
    /// </summary>
    public static IReadOnlyList<string> Units(string normalizedText)
    {
        var units = new List<string>();
        if (normalizedText.Length == 0) return units;
        var current = new StringBuilder();
        foreach (var word in normalizedText.Split(' '))
        {
            if (current.Length > 0 && !IsDash(current[^1]))
            {
                units.Add(current.ToString());
                current.Clear();
            }
            if (current.Length > 0) current.Append(' ');
            current.Append(word);
        }
        units.Add(current.ToString());
        return units;
    }

    /// <summary>
    /// Splits a unit after each hyphen between a word character and a lower-case letter: the only places a unit
    /// wider than a line may break (the reader keeps the hyphen and joins, which restores the text).
    /// </summary>
    public static IReadOnlyList<string> Segments(string unit)
    {
        var segments = new List<string>();
        var start = 0;
        for (var i = 1; i < unit.Length - 1; i++)
        {
            if (unit[i] == '-' && char.IsLetterOrDigit(unit[i - 1]) && char.IsLower(unit[i + 1]))
            {
                segments.Add(unit[start..(i + 1)]);
                start = i + 1;
            }
        }
        segments.Add(unit[start..]);
        return segments;
    }

    /// <summary>Hyphens and dashes: a line ending in one may be taken for a hyphenated word.</summary>
    public static bool IsDash(char c) =>
        c == '-' || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.DashPunctuation;

    /// <summary>
    /// Whether a browser's line breaker (Pango's UAX #14, as WeasyPrint uses it) never breaks next to
    /// this character inside a word, or breaks only in ways <see cref="Segments"/> allows (after a
    /// hyphen). Found by rendering each character in a one-pixel-wide column: '/', '?', '!', '|', braces,
    /// dashes and ellipses all allow breaks a reader would misjoin, so words holding them are kept whole.
    /// </summary>
    public static bool IsBreakSafe(char c) =>
        char.IsAsciiLetterOrDigit(c)
        || (c is >= '\u00C0' and <= '\u024F' && char.IsLetter(c))
        || ".,;:'\"()[]%#&+=*@_~<>$^`\\-°×®©".Contains(c, StringComparison.Ordinal);
}
