using System.Globalization;

namespace Imr.Archive.Search.Impact;

/// <summary>
/// The impact index's words, as FTS5's <c>porter unicode61</c> tokenizer makes them: runs of letters
/// and digits (the characters <see cref="QueryTerms"/> keeps), lowercased, diacritics removed, then
/// stemmed by <see cref="PorterStemmer"/>. Written by hand so that indexing and querying share one
/// definition on both engines (PostgreSQL's own parser and Snowball stemmer differ). A word longer
/// than <see cref="MaxLength"/> characters is cut there. Reads a text token by token into a caller's
/// buffer, without allocating.
/// </summary>
public static class Tokenizer
{
    /// <summary>The longest word kept; longer words are cut (a letter has none in practice).</summary>
    public const int MaxLength = 128;

    /// <summary>
    /// The next token of <paramref name="text"/> from <paramref name="position"/>, folded into
    /// <paramref name="buffer"/> (at least <see cref="MaxLength"/> + 1 characters) but not stemmed; its
    /// length, or -1 at the end of the text.
    /// </summary>
    public static int Next(ReadOnlySpan<char> text, ref int position, Span<char> buffer)
    {
        var i = position;
        while (i < text.Length && !IsTokenChar(text[i])) i++;
        if (i >= text.Length)
        {
            position = text.Length;
            return -1;
        }
        var n = 0;
        for (; i < text.Length && IsTokenChar(text[i]); i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                if (n < MaxLength) buffer[n++] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
                continue;
            }
            if (n < MaxLength) buffer[n++] = Fold(c);
        }
        position = i;
        return n;
    }

    /// <summary>The next token, folded and stemmed; its length, or -1 at the end.</summary>
    public static int NextStem(ReadOnlySpan<char> text, ref int position, Span<char> buffer)
    {
        var n = Next(text, ref position, buffer);
        return n < 0 ? n : PorterStemmer.Stem(buffer, n);
    }

    /// <summary>Every stem of a text, in order (for queries and tests; indexing uses <see cref="NextStem"/>).</summary>
    public static IReadOnlyList<string> Stems(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stems = new List<string>();
        Span<char> buffer = stackalloc char[MaxLength + 1];
        var position = 0;
        int n;
        while ((n = NextStem(text, ref position, buffer)) >= 0)
        {
            if (n > 0) stems.Add(new string(buffer[..n]));
        }
        return stems;
    }

    /// <summary>Letters and digits, as <c>[\p{L}\p{N}]</c> in <see cref="QueryTerms"/>.</summary>
    public static bool IsTokenChar(char c) =>
        c < 0x80 ? char.IsAsciiLetterOrDigit(c) : char.GetUnicodeCategory(c) is
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    // Lowercase, then without its diacritics: the letters of Latin-1 and Latin Extended-A and -B
    // (U+00C0..U+024F) whose canonical decomposition is a basic letter and combining marks, from this
    // table, since the runtime runs without ICU (invariant globalization) and cannot normalize. Other
    // letters are lowercased only.
    private static char Fold(char c)
    {
        c = char.ToLowerInvariant(c);
        return c is >= FoldFirst and < (char)(FoldFirst + 400) ? Folds[c - FoldFirst] : c;
    }

    private const char FoldFirst = '\u00C0';

    private const string Folds =
        "aaaaaa\u00E6ceeeeiiii\u00F0nooooo\u00D7\u00F8uuuuy\u00FE\u00DF" +
        "aaaaaa\u00E6ceeeeiiii\u00F0nooooo\u00F7\u00F8uuuuy\u00FEy" +
        "aaaaaaccccccccdd\u0111\u0111eeeeeeeeeegggg" +
        "gggghh\u0127\u0127iiiiiiiii\u0131\u0133\u0133jjkk\u0138llllll\u0140" +
        "\u0140\u0142\u0142nnnnnn\u0149\u014B\u014Boooooo\u0153\u0153rrrrrrssssss" +
        "sstttt\u0167\u0167uuuuuuuuuuuuwwyyyzzzzzz\u017F" +
        "\u0180\u0253\u0183\u0183\u0185\u0185\u0254\u0188\u0188\u0256\u0257\u018C\u018C\u018D\u01DD\u0259\u025B\u0192\u0192\u0260\u0263\u0195\u0269\u0268\u0199\u0199\u019A\u019B\u026F\u0272\u019E\u0275" +
        "oo\u01A3\u01A3\u01A5\u01A5\u0280\u01A8\u01A8\u0283\u01AA\u01AB\u01AD\u01AD\u0288uu\u028A\u028B\u01B4\u01B4\u01B6\u01B6\u0292\u01B9\u01B9\u01BA\u01BB\u01BD\u01BD\u01BE\u01BF" +
        "\u01C0\u01C1\u01C2\u01C3\u01C6\u01C6\u01C6\u01C9\u01C9\u01C9\u01CC\u01CC\u01CCaaiioouuuuuuuuuu\u01DDaa" +
        "aa\u00E6\u00E6\u01E5\u01E5ggkkoooo\u0292\u0292j\u01F3\u01F3\u01F3gg\u0195\u01BFnnaa\u00E6\u00E6\u00F8\u00F8" +
        "aaaaeeeeiiiioooorrrruuuusstt\u021D\u021Dhh" +
        "\u019E\u0221\u0223\u0223\u0225\u0225aaeeooooooooyy\u0234\u0235\u0236\u0237\u0238\u0239\u2C65\u023C\u023C\u019A\u2C66\u023F" +
        "\u0240\u0242\u0242\u0180\u0289\u028C\u0247\u0247\u0249\u0249\u024B\u024B\u024D\u024D\u024F\u024F";
}
