using System.Runtime.InteropServices;

namespace Imr.Archive.Search.Impact;

/// <summary>
/// The quoted phrases of a query (and words the query splits, as "L5-S1"), checked on a letter's
/// texts. The impact index keeps no positions: a phrase query ranks the letters holding every stem
/// of the query and keeps those in which each phrase's stems (as <see cref="Tokenizer"/> makes them)
/// stand in a row within one text: the case summary, one treatment or one rationale. This is the
/// work a positional index would do at search time, done on the candidates' texts instead; the
/// engines' own phrase search does the same recheck (PostgreSQL re-reads each GIN match's tsvector).
/// Written by hand, as a small automaton over token ids: no library served here matches stemmed
/// phrases. One instance serves one search (it caches tokens' stems and is not thread-safe).
/// </summary>
public sealed class Phrases
{
    private const int CacheLimit = 100_000;

    // Each phrase as ids of its stems (indexes into the distinct stems of all phrases).
    private readonly int[][] _phrases;
    private readonly Dictionary<string, int> _stemIds = new(StringComparer.Ordinal);
    // Token (folded, not stemmed) → id of its stem, or -1 when no phrase has it.
    private readonly Dictionary<string, int> _tokens = new(StringComparer.Ordinal);
    private readonly char[] _buffer = new char[Tokenizer.MaxLength + 1];
    private readonly bool[][] _states;
    private readonly bool[] _found;

    /// <param name="phrases">Each phrase as its stems, in order (see <see cref="Tokenizer.Stems"/>).</param>
    public Phrases(IReadOnlyList<IReadOnlyList<string>> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        _phrases = phrases.Select(p => p.Select(stem =>
        {
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_stemIds, stem, out var exists);
            if (!exists) id = _stemIds.Count - 1;
            return id;
        }).ToArray()).Where(p => p.Length > 0).ToArray();
        _states = _phrases.Select(p => new bool[p.Length + 1]).ToArray();
        _found = new bool[_phrases.Length];
    }

    /// <summary>The query's phrases: its terms of more than one stem, each as its stems; none when it has no such term.</summary>
    public static Phrases? Of(IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var phrases = terms.Select(Tokenizer.Stems).Where(s => s.Count > 1).ToList();
        return phrases.Count == 0 ? null : new Phrases(phrases);
    }

    public int Count => _phrases.Length;

    /// <summary>Whether every phrase stands, its stems in a row, within one of <paramref name="texts"/>.</summary>
    public bool HeldBy(IEnumerable<string?> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        Array.Clear(_found);
        var left = _phrases.Length;
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text)) continue;
            left -= Scan(text);
            if (left == 0) return true;
        }
        return left == 0;
    }

    // Reads one text token by token; _states[p][k] holds whether the last k tokens are the first k
    // stems of phrase p. Returns how many phrases not found before were found in it.
    private int Scan(string text)
    {
        foreach (var state in _states)
        {
            Array.Clear(state);
            state[0] = true;
        }
        if (_tokens.Count > CacheLimit) _tokens.Clear();
        var tokens = _tokens.GetAlternateLookup<ReadOnlySpan<char>>();
        var found = 0;
        var span = text.AsSpan();
        var position = 0;
        int n;
        while ((n = Tokenizer.Next(span, ref position, _buffer)) >= 0)
        {
            if (n == 0) continue;
            if (!tokens.TryGetValue(_buffer.AsSpan(0, n), out var id))
            {
                var token = new string(_buffer, 0, n);
                var stem = new string(_buffer, 0, PorterStemmer.Stem(_buffer, n));
                id = _stemIds.TryGetValue(stem, out var known) ? known : -1;
                _tokens[token] = id;
            }
            for (var p = 0; p < _phrases.Length; p++)
            {
                if (_found[p]) continue;
                var phrase = _phrases[p];
                var state = _states[p];
                for (var k = phrase.Length; k > 0; k--) state[k] = state[k - 1] && phrase[k - 1] == id;
                if (state[phrase.Length])
                {
                    _found[p] = true;
                    found++;
                }
            }
        }
        return found;
    }
}
