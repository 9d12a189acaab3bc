using System.Text;

namespace Imr.Letters.Citations;

/// <summary>
/// Compares names the way a reader does: PDF extraction splits words ("radiofrequenc y"), letters mix
/// "&amp;" and "and", case and hyphens vary, and typists transpose letters ("Diagnositc"). A name's key keeps
/// only its letters and digits, lower-cased, with "&amp;" read as "and"; two names are the same when their
/// keys are, or, for keys of at least <see cref="TypoMinLength"/> characters, one edit apart.
/// No package these machines can restore does edit distance, hence the few lines below.
/// </summary>
internal static class LooseText
{
    /// <summary>Below this length one edit turns too many names into others ("Knee" and "Knees" are fine, "Leg" and "Log" not).</summary>
    public const int TypoMinLength = 8;

    public static string Key(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text) AppendKey(key, c);
        return key.ToString();
    }

    /// <summary>Whether two keys (see <see cref="Key"/>) name the same thing.</summary>
    public static bool SameKey(string a, string b) =>
        a == b || (Math.Min(a.Length, b.Length) >= TypoMinLength && WithinOneEdit(a, b));

    /// <summary>Whether <see cref="Distance"/> is at most 1, in one pass and without allocating: the
    /// question the matcher asks thousands of times per letter.</summary>
    public static bool WithinOneEdit(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
        if (prefix == a.Length && prefix == b.Length) return true;
        var restA = a[prefix..];
        var restB = b[prefix..];
        if (a.Length == b.Length)
        {
            // One substitution, or one transposition of adjacent characters.
            if (restA[1..].SequenceEqual(restB[1..])) return true;
            return restA.Length >= 2 && restA[0] == restB[1] && restA[1] == restB[0] && restA[2..].SequenceEqual(restB[2..]);
        }
        // One insertion or deletion.
        return a.Length > b.Length ? restA[1..].SequenceEqual(restB) : restA.SequenceEqual(restB[1..]);
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }

    internal static void AppendKey(StringBuilder key, char c)
    {
        if (char.IsLetterOrDigit(c)) key.Append(char.ToLowerInvariant(c));
        else if (c == '&') key.Append("and");
    }
}

/// <summary>
/// A text with its loose key (see <see cref="LooseText"/>) and where each key character came from, so that
/// a catalogue name can be found in place and the words it covered cut out exactly as printed.
/// </summary>
internal sealed class KeyedText
{
    private readonly string _text;
    private readonly string _key;
    private readonly int[] _origin;

    public KeyedText(string text)
    {
        _text = text;
        var key = new StringBuilder(text.Length);
        var origin = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var before = key.Length;
            LooseText.AppendKey(key, text[i]);
            for (var k = before; k < key.Length; k++) origin.Add(i);
        }
        _key = key.ToString();
        _origin = [.. origin];
    }

    /// <summary>
    /// Where a name whose key is <paramref name="nameKey"/> ends (exclusive) when it is printed from
    /// <paramref name="start"/> (only spacing or punctuation before it) and ends at a word's end; -1 otherwise.
    /// </summary>
    public int MatchAt(int start, string nameKey)
    {
        var k0 = Array.BinarySearch(_origin, start);
        if (k0 < 0) k0 = ~k0;
        else while (k0 > 0 && _origin[k0 - 1] == start) k0--; // "&" gives three key characters one origin
        if (k0 >= _key.Length || nameKey.Length == 0) return -1;
        var rest = _key.AsSpan(k0);
        if (rest.StartsWith(nameKey) && EndsWord(k0 + nameKey.Length)) return End(k0 + nameKey.Length);
        if (nameKey.Length < LooseText.TypoMinLength || !MayStartAlike(rest, nameKey)) return -1;
        foreach (var length in (ReadOnlySpan<int>)[nameKey.Length, nameKey.Length - 1, nameKey.Length + 1])
        {
            if (length <= rest.Length && EndsWord(k0 + length) && LooseText.WithinOneEdit(rest[..length], nameKey))
                return End(k0 + length);
        }
        return -1;
    }

    // One edit leaves one of the first two characters in place or shifted by one: a cheap test before the distance.
    private static bool MayStartAlike(ReadOnlySpan<char> text, string name) =>
        text.Length > 1 && (text[0] == name[0] || text[0] == name[1] || text[1] == name[0] || text[1] == name[1]);

    private int End(int keyEnd) => _origin[keyEnd - 1] + 1;

    // A name may not end inside a word: "Knee" is no match in "Kneecap".
    private bool EndsWord(int keyEnd) =>
        keyEnd == _key.Length
        || (_origin[keyEnd] != _origin[keyEnd - 1] && !char.IsLetterOrDigit(_text[_origin[keyEnd - 1] + 1]));
}
