namespace Imr.Archive.Search.Impact;

/// <summary>
/// A letter's stems with their weighted frequencies (field weight times occurrences, summed over its
/// three fields) and its weighted length: what the impact index needs of a letter. Computed where
/// the letter is prepared (the import's parallel workers), so that the thread that stores a batch
/// only gathers them into a segment.
/// </summary>
public sealed class LetterTerms
{
    [ThreadStatic]
    private static Analyzer? t_analyzer;

    private LetterTerms(string[] terms, float[] tf, double length)
    {
        Terms = terms;
        Tf = tf;
        Length = length;
    }

    public IReadOnlyList<string> Terms { get; }

    /// <summary>The weighted frequency of each of <see cref="Terms"/>.</summary>
    public IReadOnlyList<float> Tf { get; }

    public double Length { get; }

    /// <summary>The terms of a letter's case summary, treatments and rationales (the order in which
    /// the weights are summed, as <see cref="SegmentBuilder"/> sums them).</summary>
    public static LetterTerms Of(string summary, string treatments, string rationales) =>
        (t_analyzer ??= new Analyzer()).Analyze(summary, treatments, rationales);

    /// <summary>One thread's tokenizer state: a cache of tokens' stems (bounded) and the counts of the
    /// letter at hand.</summary>
    private sealed class Analyzer
    {
        private const int CacheLimit = 200_000;
        private readonly Dictionary<string, string> _stems = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
        private readonly List<string> _terms = [];
        private readonly List<float> _tf = [];
        private readonly char[] _buffer = new char[Tokenizer.MaxLength + 1];

        public LetterTerms Analyze(string summary, string treatments, string rationales)
        {
            if (_stems.Count > CacheLimit) _stems.Clear();
            _slots.Clear();
            _terms.Clear();
            _tf.Clear();
            var length = Add(summary, ImpactScoring.SummaryWeight)
                + Add(treatments, ImpactScoring.TreatmentsWeight)
                + Add(rationales, ImpactScoring.RationalesWeight);
            return new LetterTerms([.. _terms], [.. _tf], length);
        }

        private double Add(string text, float weight)
        {
            var length = 0.0;
            var position = 0;
            var tokens = _stems.GetAlternateLookup<ReadOnlySpan<char>>();
            var span = text.AsSpan();
            int n;
            while ((n = Tokenizer.Next(span, ref position, _buffer)) >= 0)
            {
                if (n == 0) continue;
                if (!tokens.TryGetValue(_buffer.AsSpan(0, n), out var stem))
                {
                    var token = new string(_buffer, 0, n);
                    stem = new string(_buffer, 0, PorterStemmer.Stem(_buffer, n));
                    _stems[token] = stem;
                }
                ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_slots, stem, out var exists);
                if (!exists)
                {
                    slot = _terms.Count;
                    _terms.Add(stem);
                    _tf.Add(0);
                }
                _tf[slot] += weight;
                length += weight;
            }
            return length;
        }
    }
}
