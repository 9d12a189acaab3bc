using System.Text;
using Imr.Archive.Search.Impact;

namespace Imr.Archive.Search;

/// <summary>
/// A hit's snippet, made from the letter's text in memory (by hand, as FTS5's <c>snippet()</c> and
/// PostgreSQL's <c>ts_headline</c> do in the database, where they re-read the letter's text and
/// query its full-text index; the archive has the text of the page's letters at hand): the window of
/// <see cref="Tokens"/> words, in one of the letter's texts, holding the most distinct query words
/// (then the most matches, then the earliest), each matched word marked in [brackets], "…" where
/// the text is cut. Words match as the index matches them: by their stems.
/// </summary>
public static class Snippets
{
    /// <summary>Words in a snippet.</summary>
    public const int Tokens = 16;

    private const int Context = 3;

    /// <summary>The snippet of the best window among <paramref name="texts"/> for <paramref name="stems"/>;
    /// the start of the first text when no word matches.</summary>
    public static string Make(IReadOnlyList<string> texts, IReadOnlyCollection<string> stems)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(stems);
        var stemList = stems.Distinct(StringComparer.Ordinal).ToList();
        (int Text, int Start, long Score) best = (-1, 0, -1);
        List<(int Start, int End, int Stem)>? bestTokens = null;
        Span<char> buffer = stackalloc char[Tokenizer.MaxLength + 1];
        for (var t = 0; t < texts.Count; t++)
        {
            var tokens = Tokenize(texts[t] ?? "", stemList, buffer);
            if (bestTokens is null) bestTokens = tokens;
            for (var i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].Stem < 0) continue;
                // A window starting a few words before a match.
                var start = Math.Max(0, i - Context);
                var score = Score(tokens, start, stemList.Count);
                if (score > best.Score)
                {
                    best = (t, start, score);
                    bestTokens = tokens;
                }
            }
        }
        if (best.Text < 0) best = (texts.Count > 0 ? 0 : -1, 0, 0);
        return best.Text < 0 ? "" : Render(texts[best.Text] ?? "", bestTokens!, best.Start);
    }

    // 1,000 a distinct word, one a match: FTS5's weighting of a snippet's hits.
    private static long Score(List<(int Start, int End, int Stem)> tokens, int start, int stems)
    {
        Span<bool> seen = stackalloc bool[Math.Min(stems, 256)];
        long score = 0;
        for (var i = start; i < Math.Min(tokens.Count, start + Tokens); i++)
        {
            var stem = tokens[i].Stem;
            if (stem < 0) continue;
            score++;
            if (stem < seen.Length && !seen[stem])
            {
                seen[stem] = true;
                score += 1000;
            }
        }
        return score;
    }

    private static List<(int Start, int End, int Stem)> Tokenize(string text, List<string> stems, Span<char> buffer)
    {
        var tokens = new List<(int, int, int)>();
        var position = 0;
        int n;
        while ((n = Tokenizer.Next(text, ref position, buffer)) >= 0)
        {
            var end = position;
            var start = end;
            while (start > 0 && Tokenizer.IsTokenChar(text[start - 1])) start--;
            var stem = -1;
            if (n > 0 && MayMatch(buffer[..n], stems))
            {
                var word = buffer[..PorterStemmer.Stem(buffer, n)];
                for (var s = 0; s < stems.Count && stem < 0; s++)
                {
                    if (word.SequenceEqual(stems[s])) stem = s;
                }
            }
            tokens.Add((start, end, stem));
        }
        return tokens;
    }

    // A stem keeps its word's first letters (Porter's algorithm changes a word's end only): a word
    // that does not begin as some stem begins is not stemmed.
    private static bool MayMatch(ReadOnlySpan<char> word, List<string> stems)
    {
        foreach (var stem in stems)
        {
            var prefix = Math.Min(Math.Min(stem.Length, word.Length), 2);
            if (word[..prefix].SequenceEqual(stem.AsSpan(0, prefix))) return true;
        }
        return false;
    }

    private static string Render(string text, List<(int Start, int End, int Stem)> tokens, int start)
    {
        if (tokens.Count == 0) return "";
        var last = Math.Min(tokens.Count, start + Tokens) - 1;
        var snippet = new StringBuilder();
        if (start > 0) snippet.Append('…');
        var at = start > 0 ? tokens[start].Start : 0;
        for (var i = start; i <= last; i++)
        {
            var (s, e, stem) = tokens[i];
            snippet.Append(text, at, s - at);
            if (stem >= 0) snippet.Append('[').Append(text, s, e - s).Append(']');
            else snippet.Append(text, s, e - s);
            at = e;
        }
        if (last < tokens.Count - 1) snippet.Append('…');
        else snippet.Append(text, at, text.Length - at);
        return snippet.ToString();
    }
}
