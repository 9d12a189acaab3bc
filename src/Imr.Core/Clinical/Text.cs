namespace Imr.Clinical;

internal enum TokenKind : byte
{
    Word,
    Number,
    Punct,
}

/// <summary>A run of letters, a run of digits, or one other non-space character.</summary>
internal readonly record struct Token(int Start, int Length, TokenKind Kind)
{
    public int End => Start + Length;
}

/// <summary>A half-open character range of the input.</summary>
internal readonly record struct TextRange(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(int position) => position >= Start && position < End;
}

/// <summary>
/// Tokens and sentences. Hand-written loops rather than regular expressions: both run over every summary, and a
/// character loop is the cheapest way to get positions back.
/// </summary>
internal static class TextSplitter
{
    public static Token[] Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 4);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            if (char.IsLetter(c))
            {
                while (i < text.Length && char.IsLetter(text[i])) i++;
                tokens.Add(new Token(start, i - start, TokenKind.Word));
            }
            else if (char.IsDigit(c))
            {
                while (i < text.Length && char.IsDigit(text[i])) i++;
                tokens.Add(new Token(start, i - start, TokenKind.Number));
            }
            else
            {
                tokens.Add(new Token(start, 1, TokenKind.Punct));
                i++;
            }
        }
        return [.. tokens];
    }

    /// <summary>Runs of white space (and of <paramref name="alsoRemoved"/>) replaced by <paramref name="separator"/>, trimmed.</summary>
    public static string Squash(string text, string separator, string alsoRemoved = "")
    {
        var sb = new System.Text.StringBuilder(text.Length);
        var pending = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || alsoRemoved.Contains(c)) { pending = sb.Length > 0; continue; }
            if (pending) sb.Append(separator);
            pending = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    // Abbreviations after which a period never ends a sentence (titles, Latin, "No. 60").
    private static readonly HashSet<string> NeverEnd = new(StringComparer.OrdinalIgnoreCase)
    {
        "dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "vs", "e.g", "i.e", "eg", "ie", "cf", "approx", "no", "nos",
        "fig", "pt", "pts", "ca", "dept", "co", "inc", "ltd", "mt", "wk", "wks", "yr", "yrs", "hr", "hrs", "min", "mos",
    };

    // Dosing abbreviations: end a sentence only when a capital follows ("Norco q.d. The patient ...").
    private static readonly HashSet<string> DosingAbbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "q.d", "b.i.d", "t.i.d", "q.i.d", "q.h.s", "h.s", "p.r.n", "p.o", "q.o.d", "q.a.m", "q.p.m", "a.m", "p.m", "etc",
    };

    /// <summary>
    /// Sentences, trimmed. A period, question or exclamation mark ends one when what follows starts a sentence; not
    /// after a title or Latin abbreviation ("Dr.", "e.g."), inside a number ("7.5mg"), or before a lower-case word.
    /// Extraction artefacts that glue sentences ("ablation.A treating") are split when a word of two or more
    /// letters precedes and a capital follows. A blank line always ends a sentence.
    /// </summary>
    public static List<TextRange> Sentences(string text)
    {
        var sentences = new List<TextRange>(text.Length / 80 + 1);
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' && BlankLineFollows(text, i))
            {
                Add(sentences, text, start, i);
                start = i + 1;
                continue;
            }
            if (c is not ('.' or '?' or '!')) continue;
            var end = i + 1;
            // A closing quote or bracket belongs to the sentence it closes.
            while (end < text.Length && text[end] is '"' or '\'' or ')' or '”' or '’') end++;
            if (!EndsSentence(text, i, end)) continue;
            Add(sentences, text, start, end);
            start = end;
            i = end - 1;
        }
        Add(sentences, text, start, text.Length);
        return sentences;
    }

    private static bool BlankLineFollows(string text, int newline)
    {
        for (var j = newline + 1; j < text.Length; j++)
        {
            if (text[j] == '\n') return true;
            if (!char.IsWhiteSpace(text[j])) return false;
        }
        return true;
    }

    private static bool EndsSentence(string text, int mark, int end)
    {
        if (end >= text.Length) return true;
        var next = text[end];
        var word = WordBefore(text, mark);
        if (text[mark] == '.')
        {
            if (mark > 0 && char.IsDigit(text[mark - 1]) && char.IsDigit(next)) return false; // 7.5
            if (NeverEnd.Contains(word)) return false;
            if (word.Length == 1 && char.IsUpper(word[0])) return false; // an initial
        }
        if (!char.IsWhiteSpace(next))
        {
            // Glued sentences from text extraction: "ablation.A treating", "5mg.Physician".
            var letters = 0;
            for (var j = mark - 1; j >= 0 && char.IsLetter(text[j]); j--) letters++;
            var closes = end > mark + 1; // a quote or bracket closed the sentence
            return char.IsUpper(next) && (letters >= 2 && char.IsLower(text[mark - 1]) || closes) && !word.Contains('.');
        }
        var k = end;
        while (k < text.Length && char.IsWhiteSpace(text[k])) k++;
        if (k >= text.Length) return true;
        var first = text[k];
        if (char.IsLower(first)) return false;
        if (DosingAbbreviations.Contains(word)) return char.IsUpper(first);
        return char.IsUpper(first) || char.IsDigit(first) || first is '"' or '(' or '\'' or '“' or '[' or '#';
    }

    // The word before a period, with inner periods kept ("q.d", "e.g").
    private static string WordBefore(string text, int mark)
    {
        var j = mark - 1;
        while (j >= 0 && (char.IsLetter(text[j]) || (text[j] == '.' && j > 0 && char.IsLetter(text[j - 1])))) j--;
        return text[(j + 1)..mark];
    }

    private static void Add(List<TextRange> sentences, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) sentences.Add(new TextRange(start, end));
    }
}
