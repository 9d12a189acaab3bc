namespace Imr.Archive.Search.Impact;

/// <summary>A letter as the impact index reads it: its id and its three weighted fields, their
/// terms when already counted (<see cref="LetterTerms"/>: the import counts them on its workers), and
/// its <see cref="Impact.Facets"/>.</summary>
public sealed record IndexedLetter(long Id, string Summary, string Treatments, string Rationales, LetterTerms? Terms = null, IReadOnlyList<string>? Facets = null);

/// <summary>What a segment holds: its letters and their average weighted length, and its rows.</summary>
public sealed record SegmentContent(int Letters, double AverageLength, long FirstLetterId, long LastLetterId, IReadOnlyList<PostingRow> Rows, IReadOnlyList<LookupRow> Lookups, IReadOnlyList<FacetRow> Facets);

/// <summary>
/// Builds a level-0 segment from a batch of letters: each letter's weighted term frequencies (counted
/// ahead by the import's workers, or here; <see cref="LetterTerms"/>) gathered, impacts computed with
/// the batch's average length, postings grouped by term, sorted and cut into blocks, in impact order
/// and in letter order. The buffers (term table, postings) are kept from batch to batch, so an import
/// allocates little more than the rows it writes.
/// </summary>
public sealed class SegmentBuilder(int firstBlockSize = PostingBlocks.FirstBlockSize, int lookupBlockSize = PostingBlocks.LookupBlockSize, int lookupBlocks = PostingBlocks.LookupBlocks)
{
    private readonly ImpactOptions _layout = new(FirstBlockSize: firstBlockSize, LookupBlockSize: lookupBlockSize, LookupBlocks: lookupBlocks);
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    private readonly List<(int Term, int Letter, float Tf)> _entries = [];

    /// <summary>The rows of a segment of <paramref name="letters"/> .</summary>
    public SegmentContent Build(IReadOnlyList<IndexedLetter> letters)
    {
        Reset();
        var lengths = new double[letters.Count];
        for (var i = 0; i < letters.Count; i++)
        {
            var letter = letters[i];
            var counted = letter.Terms ?? LetterTerms.Of(letter.Summary, letter.Treatments, letter.Rationales);
            lengths[i] = counted.Length;
            for (var t = 0; t < counted.Terms.Count; t++) _entries.Add((TermOf(counted.Terms[t]), i, counted.Tf[t]));
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
            PostingSort.ByImpact(postings);
            PostingBlocks.CutTerm(_terms[t], postings, _layout, rows, lookups);
        }
        var ids = letters.Select(l => l.Id).DefaultIfEmpty().ToList();
        return new SegmentContent(letters.Count, average, ids.Min(), ids.Max(), rows, lookups, FacetRows(letters));
    }

    /// <summary>Each facet's letters, in facet order.</summary>
    private static List<FacetRow> FacetRows(IReadOnlyList<IndexedLetter> letters)
    {
        var members = new SortedDictionary<string, List<long>>(StringComparer.Ordinal);
        foreach (var letter in letters)
        {
            foreach (var facet in letter.Facets ?? [])
            {
                if (!members.TryGetValue(facet, out var ids)) members[facet] = ids = [];
                ids.Add(letter.Id);
            }
        }
        return members.Select(m =>
        {
            m.Value.Sort();
            return new FacetRow(m.Key, LetterSets.Encode(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(m.Value)));
        }).ToList();
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

    private int TermOf(string term)
    {
        if (_termIds.TryGetValue(term, out var id)) return id;
        id = _terms.Count;
        _terms.Add(term);
        _termIds[term] = id;
        return id;
    }

    // The term table lives for one segment (term ids index its postings); cleared, it keeps its
    // capacity for the next batch.
    private void Reset()
    {
        _termIds.Clear();
        _terms.Clear();
        _entries.Clear();
    }
}
