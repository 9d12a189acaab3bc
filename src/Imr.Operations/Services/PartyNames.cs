using System.Text;

namespace Imr.Operations.Services;

/// <summary>
/// Compares names of the parties (people and organisations) the way a conflict check must: regardless
/// of case, punctuation, word order ("Smith, John" is "John Smith"), middle initials, honorifics and
/// degrees ("Dr. John A. Smith, M.D."), and legal suffixes of organisations ("Acme Logistics, Inc." is
/// "ACME Logistics"). Errs towards matching: a false conflict costs a reassignment, a missed one a
/// determination open to appeal.
/// </summary>
public static class PartyNames
{
    // Honorifics, degrees, generational suffixes and legal forms that do not tell two parties apart.
    private static readonly HashSet<string> Ignored =
    [
        "dr", "mr", "mrs", "ms", "miss", "prof",
        "md", "do", "dc", "dds", "dpm", "phd", "psyd", "np", "pa", "lac", "rn", "facs", "faaos",
        "jr", "sr", "ii", "iii", "iv",
        "inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "corp", "corporation", "co", "company", "pc", "pllc", "plc",
        "the", "of", "and",
    ];

    /// <summary>The comparison key of a name: its significant words, lower case, sorted, joined by spaces.
    /// Empty when nothing significant is left.</summary>
    public static string Key(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var words = new List<string>();
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length == 0) return;
            var w = word.ToString();
            word.Clear();
            // Single letters are initials (and the letters of "M.D.").
            if (w.Length > 1 && !Ignored.Contains(w)) words.Add(w);
        }

        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c)) word.Append(char.ToLowerInvariant(c));
            else if (c is '\'' or '’' || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            else Flush();
        }
        Flush();
        words.Sort(StringComparer.Ordinal);
        return string.Join(' ', words.Distinct());
    }

    /// <summary>Whether two names may name the same party: the same significant words, or every
    /// significant word of the shorter name (at least two of them) in the longer one, as a short form
    /// ("Golden Bear Casualty" of "Golden Bear Casualty Insurance Company") or a name without its
    /// middle name ("Maria Gonzalez" of "Maria Elena Gonzalez"). A single shared word is not enough.</summary>
    public static bool Same(string? a, string? b)
    {
        var (keyA, keyB) = (Key(a), Key(b));
        if (keyA.Length == 0 || keyB.Length == 0) return false;
        if (keyA == keyB) return true;
        var (wordsA, wordsB) = (keyA.Split(' '), keyB.Split(' '));
        var (shorter, longer) = wordsA.Length <= wordsB.Length ? (wordsA, wordsB) : (wordsB, wordsA);
        return shorter.Length >= 2 && shorter.All(longer.Contains);
    }
}
