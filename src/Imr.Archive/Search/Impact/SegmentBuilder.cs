namespace Imr.Archive.Search.Impact;

/// <summary>A letter as the impact index reads it: its id and its three weighted fields, and their
/// terms when already counted (<see cref="LetterTerms"/>: the import counts them on its workers).</summary>
public sealed record IndexedLetter(long Id, string Summary, string Treatments, string Rationales, LetterTerms? Terms = null);

/// <summary>What a segment holds: its letters and their average weighted length, and its rows.</summary>
public sealed record SegmentContent(int Letters, double AverageLength, long FirstLetterId, long LastLetterId, IReadOnlyList<PostingRow> Rows, IReadOnlyList<LookupRow> Lookups);

/// <summary>
/// Builds a level-0 segment from a batch of letters: each letter tokenized once, its weighted term
/// frequencies gathered, impacts computed with the batch's average length, postings grouped by term,
/// sorted and cut into blocks, in impact order and in letter order. The buffers (term table, token cache, postings) are kept from batch to
/// batch, so an import allocates little more than the rows it writes.
/// </summary>
public sealed class SegmentBuilder(int firstBlockSize = PostingBlocks.FirstBlockSize, int lookupBlockSize = PostingBlocks.LookupBlockSize)
{
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    private readonly Dictionary<string, int> _tokenTerms = new(StringComparer.Ordinal);
    private readonly List<float> _tf = [];
    private readonly List<int> _touched = [];
    private readonly List<(int Term, int Letter, float Tf)> _entries = [];
    private readonly char[] _buffer = new char[Tokenizer.MaxLength + 1];

    /// <summary>The rows of a segment of <paramref name="letters"/> .</summary>
    public SegmentContent Build(IReadOnlyList<IndexedLetter> letters)
    {
        Reset();
        var lengths = new double[letters.Count];
        for (var i = 0; i < letters.Count; i++)
        {
            var letter = letters[i];
            if (letter.Terms is { } counted)
            {
                lengths[i] = counted.Length;
                for (var t = 0; t < counted.Terms.Count; t++) _entries.Add((TermOf(counted.Terms[t]), i, counted.Tf[t]));
                continue;
            }
            var length = Add(letter.Summary, ImpactScoring.SummaryWeight)
                + Add(letter.Treatments, ImpactScoring.TreatmentsWeight)
                + Add(letter.Rationales, ImpactScoring.RationalesWeight);
            lengths[i] = length;
            foreach (var term in _touched)
            {
                _entries.Add((term, i, _tf[term]));
                _tf[term] = 0;
            }
            _touched.Clear();
        }
        var average = letters.Count == 0 ? 0 : lengths.Sum() / letters.Count;

        // Postings grouped by term (a counting sort), each group sorted by impact then id.
        var starts = new int[_terms.Count + 1];
        foreach (var (term, _, _) in _entries) starts[term + 1]++;
        for (var t = 0; t < _terms.Count; t++) starts[t + 1] += starts[t];
        var keys = new long[_entries.Count];
        var fill = starts[..^1];
        foreach (var (term, letter, tf) in _entries)
            keys[fill[term]++] = PostingBlocks.Key(letters[letter].Id, ImpactScoring.Impact(tf, lengths[letter], average));

        var order = Enumerable.Range(0, _terms.Count).ToArray();
        Array.Sort(order, (a, b) => TermOrder.Instance.Compare(_terms[a], _terms[b]));
        var rows = new List<PostingRow>(_terms.Count);
        var lookups = new List<LookupRow>(_terms.Count);
        foreach (var t in order)
        {
            var postings = keys.AsSpan(starts[t], starts[t + 1] - starts[t]);
            postings.Sort();
            var term = _terms[t];
            var df = postings.Length;
            var directory = PostingBlocks.CutLookup(postings, lookupBlockSize, (last, blob) => lookups.Add(new LookupRow(term, last, blob)));
            PostingBlocks.Cut(postings, firstBlockSize, (block, top, blob) => rows.Add(new PostingRow(term, block, df, top, blob, block == 0 ? directory : null)));
        }
        var ids = letters.Select(l => l.Id).DefaultIfEmpty().ToList();
        return new SegmentContent(letters.Count, average, ids.Min(), ids.Max(), rows, lookups);
    }

    /// <summary>The weighted terms and weighted length of one letter (for tests and checks).</summary>
    public static (Dictionary<string, float> Tf, double Length) Analyze(IndexedLetter letter)
    {
        var tf = new Dictionary<string, float>(StringComparer.Ordinal);
        var length = 0.0;
        foreach (var (text, weight) in new[] { (letter.Summary, ImpactScoring.SummaryWeight), (letter.Treatments, ImpactScoring.TreatmentsWeight), (letter.Rationales, ImpactScoring.RationalesWeight) })
        {
            foreach (var stem in Tokenizer.Stems(text))
            {
                tf[stem] = tf.GetValueOrDefault(stem) + weight;
                length += weight;
            }
        }
        return (tf, length);
    }

    private double Add(string text, float weight)
    {
        var length = 0.0;
        var position = 0;
        var tokens = _tokenTerms.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = text.AsSpan();
        int n;
        while ((n = Tokenizer.Next(span, ref position, _buffer)) >= 0)
        {
            if (n == 0) continue;
            if (!tokens.TryGetValue(_buffer.AsSpan(0, n), out var term))
            {
                var token = new string(_buffer, 0, n);
                term = TermOf(_buffer.AsSpan(0, PorterStemmer.Stem(_buffer, n)));
                _tokenTerms[token] = term;
            }
            if (_tf[term] == 0) _touched.Add(term);
            _tf[term] += weight;
            length += weight;
        }
        return length;
    }

    private int TermOf(ReadOnlySpan<char> stem)
    {
        var terms = _termIds.GetAlternateLookup<ReadOnlySpan<char>>();
        if (terms.TryGetValue(stem, out var id)) return id;
        var term = stem.ToString();
        id = _terms.Count;
        _terms.Add(term);
        _termIds[term] = id;
        _tf.Add(0);
        return id;
    }

    // The term table and the token cache live for one segment (term ids index its postings); cleared,
    // they keep their capacity for the next batch.
    private void Reset()
    {
        _termIds.Clear();
        _terms.Clear();
        _tf.Clear();
        _touched.Clear();
        _entries.Clear();
        _tokenTerms.Clear();
    }
}
