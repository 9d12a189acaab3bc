namespace Imr.Archive.Search.Impact;

/// <summary>
/// Porter's stemming algorithm (M.F. Porter, "An algorithm for suffix stripping", 1980), written by
/// hand because no stemmer package is served by the package registry these machines use. It follows
/// the author's reference implementation, as SQLite's FTS5 <c>porter</c> tokenizer does (its two
/// departures from the paper included: step 2 maps "bli" to "ble" and "logi" to "log"), so that the
/// impact index and FTS5 agree on what a word is and FTS5 can highlight the impact index's hits.
/// Like FTS5, it leaves words shorter than 3 or longer than 64 characters as they are. It works in
/// place on a buffer of lowercase characters (no allocation per word); any character other than
/// a, e, i, o, u (and y after a consonant) counts as a consonant.
/// </summary>
public static class PorterStemmer
{
    /// <summary>The longest word stemmed; longer ones pass through (FTS5's limit).</summary>
    public const int MaxLength = 64;

    /// <summary>The stem of a lowercase word.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < 3 || word.Length > MaxLength) return word;
        Span<char> buffer = stackalloc char[MaxLength + 1];
        word.AsSpan().CopyTo(buffer);
        return new string(buffer[..Stem(buffer, word.Length)]);
    }

    /// <summary>Stems the lowercase word <c>w[..length]</c> in place (the buffer must hold one character
    /// more than the word); returns the stem's length.</summary>
    public static int Stem(Span<char> w, int length)
    {
        if (length < 3 || length > MaxLength) return length;
        var n = length;
        n = Step1A(w, n);
        n = Step1B(w, n);
        if (w[n - 1] == 'y' && HasVowel(w, n - 1)) w[n - 1] = 'i';
        n = Step2(w, n);
        n = Step3(w, n);
        n = Step4(w, n);
        if (w[n - 1] == 'e')
        {
            var m = Measure(w, n - 1);
            if (m > 1 || (m == 1 && !EndsCvc(w, n - 1))) n--;
        }
        if (n > 1 && w[n - 1] == 'l' && w[n - 2] == 'l' && Measure(w, n - 1) > 1) n--;
        return n;
    }

    // sses -> ss, ies -> i, ss -> ss, s -> (nothing)
    private static int Step1A(Span<char> w, int n)
    {
        if (w[n - 1] != 's') return n;
        if (Ends(w, n, "sses") || Ends(w, n, "ies")) return n - 2;
        return w[n - 2] == 's' ? n : n - 1;
    }

    // (m>0) eed -> ee; (*v*) ed -> ; (*v*) ing -> ; then at -> ate, bl -> ble, iz -> ize, a double
    // consonant (but l, s, z) undoubled, or (m=1 and *o) -> e.
    private static int Step1B(Span<char> w, int n)
    {
        if (Ends(w, n, "eed"))
        {
            return Measure(w, n - 3) > 0 ? n - 1 : n;
        }
        int stem;
        if (Ends(w, n, "ed") && HasVowel(w, n - 2)) stem = n - 2;
        else if (Ends(w, n, "ing") && HasVowel(w, n - 3)) stem = n - 3;
        else return n;
        n = stem;
        if (Ends(w, n, "at") || Ends(w, n, "bl") || Ends(w, n, "iz"))
        {
            w[n] = 'e';
            return n + 1;
        }
        // A double consonant: here, as in FTS5, y counts as a consonant.
        var last = w[n - 1];
        if (n > 1 && last == w[n - 2] && last is not ('a' or 'e' or 'i' or 'o' or 'u' or 'l' or 's' or 'z')) return n - 1;
        if (Measure(w, n) == 1 && EndsCvc(w, n))
        {
            w[n] = 'e';
            return n + 1;
        }
        return n;
    }

    private static readonly (string Suffix, string Replacement)[] Step2Rules =
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("bli", "ble"),
        ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
        ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
        ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3Rules =
    [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ];

    private static readonly string[] Step4Suffixes =
    [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate",
        "iti", "ous", "ive", "ize",
    ];

    private static int Step2(Span<char> w, int n) => Replace(w, n, Step2Rules, minMeasure: 1);

    private static int Step3(Span<char> w, int n) => Replace(w, n, Step3Rules, minMeasure: 1);

    // The longest matching suffix decides (as in the paper: "ement" before "ment" before "ent"); a
    // rule whose condition fails stops the step.
    private static int Replace(Span<char> w, int n, (string Suffix, string Replacement)[] rules, int minMeasure)
    {
        var best = -1;
        for (var i = 0; i < rules.Length; i++)
        {
            if (Ends(w, n, rules[i].Suffix) && (best < 0 || rules[i].Suffix.Length > rules[best].Suffix.Length)) best = i;
        }
        if (best < 0) return n;
        var (suffix, replacement) = rules[best];
        var stem = n - suffix.Length;
        if (Measure(w, stem) < minMeasure) return n;
        replacement.AsSpan().CopyTo(w[stem..]);
        return stem + replacement.Length;
    }

    // (m>1) and the suffix removed; "ion" only after s or t.
    private static int Step4(Span<char> w, int n)
    {
        string? best = null;
        foreach (var suffix in Step4Suffixes)
        {
            if (Ends(w, n, suffix) && (best is null || suffix.Length > best.Length)) best = suffix;
        }
        if (best is null) return n;
        var stem = n - best.Length;
        if (Measure(w, stem) <= 1) return n;
        if (best == "ion" && (stem == 0 || w[stem - 1] is not ('s' or 't'))) return n;
        return stem;
    }

    /// <summary>Whether the word ends with the suffix and something precedes it.</summary>
    private static bool Ends(Span<char> w, int n, string suffix) =>
        n > suffix.Length && w[(n - suffix.Length)..n].SequenceEqual(suffix);

    private static bool IsConsonant(Span<char> w, int i) => w[i] switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => false,
        'y' => i == 0 || !IsConsonant(w, i - 1),
        _ => true,
    };

    /// <summary>m in [C](VC)^m[V] of <c>w[..n]</c>.</summary>
    private static int Measure(Span<char> w, int n)
    {
        var m = 0;
        var i = 0;
        while (i < n && IsConsonant(w, i)) i++;
        while (i < n)
        {
            while (i < n && !IsConsonant(w, i)) i++;
            if (i >= n) break;
            m++;
            while (i < n && IsConsonant(w, i)) i++;
        }
        return m;
    }

    /// <summary>*v*: the stem holds a vowel; as in FTS5, a y anywhere but first counts as one.</summary>
    private static bool HasVowel(Span<char> w, int n)
    {
        for (var i = 0; i < n; i++)
        {
            if (w[i] is 'a' or 'e' or 'i' or 'o' or 'u' || (w[i] == 'y' && i > 0)) return true;
        }
        return false;
    }

    /// <summary>*o: the stem ends consonant-vowel-consonant, the last not w, x or y.</summary>
    private static bool EndsCvc(Span<char> w, int n) =>
        n >= 3 && IsConsonant(w, n - 1) && !IsConsonant(w, n - 2) && IsConsonant(w, n - 3) && w[n - 1] is not ('w' or 'x' or 'y');
}
