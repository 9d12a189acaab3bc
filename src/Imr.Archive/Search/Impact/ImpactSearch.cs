using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Imr.Archive.Search.Impact;

/// <summary>A letter of the impact index's answer, its score in fixed point (see <see cref="ImpactScoring"/>).</summary>
public readonly record struct ImpactHit(long LetterId, long Score);

/// <summary>What answering one query took: the postings read and the filter queries asked.</summary>
public readonly record struct ImpactCost(long Postings, int BlocksLoaded, int FilterQueries, int Checks);

/// <summary>
/// The top k letters holding every term, by Σ idf × impact, ties to the lower letter id, found
/// without scoring every match: a threshold algorithm without random access (Fagin's NRA; written by
/// hand, as neither engine nor any library served here stops early). One cursor per (term, segment)
/// walks the term's postings in impact order, a block at a time, the first blocks of all cursors in
/// one query; each step advances the cursor whose next posting could add most to a score. Letters
/// seen in some terms are candidates with a partial score; a letter's upper bound is its partial
/// score plus idf × frontier (the cursors' next impact) of each term not seen for it, and a letter
/// never seen is bounded by the sum over all terms. A letter seen in every term has its exact score;
/// those that could enter the top k are checked against the filters (one query a batch, answers
/// kept). The search stops when k letters that pass score above every bound of the rest, so the
/// answer is exactly the one scoring every letter would give.
/// </summary>
public sealed class ImpactSearch(ImpactIndex index, DbTransaction transaction, Func<IReadOnlyList<long>, CancellationToken, Task<IReadOnlySet<long>>> passes)
{
    private const int FilterBatch = 200;

    private long _postings;
    private int _blocks;
    private int _filterQueries;
    private int _checks;

    public ImpactCost Cost => new(_postings, _blocks, _filterQueries, _checks);

    /// <summary>The best <paramref name="k"/> letters holding every stem (distinct, at most 64) that pass
    /// the filters, best first.</summary>
    public async Task<IReadOnlyList<ImpactHit>> TopAsync(IReadOnlyList<SegmentInfo> segments, IReadOnlyList<string> stems, int k, CancellationToken cancellationToken)
    {
        var termCount = stems.Count;
        var all = termCount == 64 ? ulong.MaxValue : (1UL << termCount) - 1;
        var cursors = new List<Cursor>();
        foreach (var (segmentId, term, df, postings) in await index.FirstBlocksAsync(transaction, segments, stems, cancellationToken).ConfigureAwait(false))
            cursors.Add(new Cursor(segmentId, IndexOf(stems, term), term, (int)df, postings));
        var letters = segments.Sum(s => s.Letters);
        var idf = new long[termCount];
        for (var t = 0; t < termCount; t++)
        {
            var df = cursors.Where(c => c.Term == t).Sum(c => (long)c.Df);
            if (df == 0) return []; // every term is required
            idf[t] = ImpactScoring.Idf(letters, df);
        }

        var candidates = new Dictionary<long, Partial>();
        var complete = new List<ImpactHit>();
        var passed = new Dictionary<long, bool>();
        var closed = false; // no letter not yet seen can enter the answer any more
        var frontier = new long[termCount];
        var exhausted = new bool[termCount];
        long sinceCheck = 0, nextCheck = 128;
        while (true)
        {
            Cursor? best = null;
            long bestValue = -1;
            foreach (var c in cursors)
            {
                if (c.Exhausted) continue;
                var value = idf[c.Term] * c.Frontier;
                if (value > bestValue)
                {
                    best = c;
                    bestValue = value;
                }
            }
            if (best is not null && (!closed || candidates.Count > 0))
            {
                if (best.Position >= best.Count && best.Pending is null) await PrefetchAsync(cursors, cancellationToken).ConfigureAwait(false);
                if (best.Position >= best.Count) best.Load(best.Pending!);
                var consumed = Consume(best, idf[best.Term], all, closed, candidates, complete);
                _postings += consumed;
                sinceCheck += consumed;
                if (sinceCheck < nextCheck) continue;
            }
            // Checked often (stopping early is the point) but in proportion to the letters held, so
            // that checking stays linear in the postings read.
            _checks++;
            sinceCheck = 0;
            nextCheck = Math.Max(128, (candidates.Count + complete.Count) / 4);

            // Bounds: the best score a letter not seen yet, or seen in some terms only, could reach.
            Array.Fill(frontier, 0);
            Array.Fill(exhausted, true);
            foreach (var c in cursors)
            {
                if (c.Exhausted) continue;
                exhausted[c.Term] = false;
                frontier[c.Term] = Math.Max(frontier[c.Term], c.Frontier);
            }
            var threshold = KthPassing(complete, passed, k);
            long unseen = -1;
            if (!exhausted.Contains(true))
            {
                unseen = 0;
                for (var t = 0; t < termCount; t++) unseen += idf[t] * frontier[t];
            }
            if (unseen < threshold || unseen < 0) closed = true;
            var rest = closed ? -1 : unseen;
            List<long>? prune = null;
            foreach (var (id, partial) in candidates)
            {
                var bound = Bound(partial, idf, frontier, exhausted);
                if (bound < 0 || bound < threshold) (prune ??= []).Add(id);
                else rest = Math.Max(rest, bound);
            }
            if (prune is not null)
            {
                foreach (var id in prune) candidates.Remove(id);
            }

            // The letters fully seen whose score beats every bound are in their final order.
            var final = complete.Where(h => h.Score > rest).ToList();
            final.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.LetterId.CompareTo(b.LetterId));
            var answer = await PassingAsync(final, passed, k, cancellationToken).ConfigureAwait(false);
            if (answer.Count >= k || rest < 0) return answer;
            complete.RemoveAll(h => passed.TryGetValue(h.LetterId, out var ok) && !ok);
        }
    }

    /// <summary>
    /// The next block of every cursor that has read most of its block, in one query: cursors descend
    /// the impacts together (the highest frontier is read first), so with many segments a round trip
    /// per block would dominate.
    /// </summary>
    private async Task PrefetchAsync(List<Cursor> cursors, CancellationToken cancellationToken)
    {
        var due = cursors.Where(c => c.Pending is null && c.HasMoreBlocks && c.Position >= c.Count - (c.Count / 2)).ToList();
        _blocks += due.Count;
        var blocks = await index.BlocksAsync(transaction, due.Select(c => (c.SegmentId, c.Text, c.Block + 1)).ToList(), cancellationToken).ConfigureAwait(false);
        foreach (var (segmentId, term, block, postings) in blocks)
            due.First(c => c.SegmentId == segmentId && c.Text == term && c.Block + 1 == block).Pending = postings;
    }

    /// <summary>The first k of <paramref name="ranked"/> that pass the filters, asking for the unknown
    /// ones a batch at a time.</summary>
    private async Task<List<ImpactHit>> PassingAsync(List<ImpactHit> ranked, Dictionary<long, bool> passed, int k, CancellationToken cancellationToken)
    {
        var answer = new List<ImpactHit>(k);
        var at = 0;
        while (at < ranked.Count && answer.Count < k)
        {
            var unknown = new List<long>();
            for (var i = at; i < ranked.Count && unknown.Count < FilterBatch; i++)
            {
                if (!passed.ContainsKey(ranked[i].LetterId)) unknown.Add(ranked[i].LetterId);
            }
            if (unknown.Count > 0)
            {
                _filterQueries++;
                var pass = await passes(unknown, cancellationToken).ConfigureAwait(false);
                foreach (var id in unknown) passed[id] = pass.Contains(id);
            }
            for (; at < ranked.Count && answer.Count < k && passed.ContainsKey(ranked[at].LetterId); at++)
            {
                if (passed[ranked[at].LetterId]) answer.Add(ranked[at]);
            }
        }
        return answer;
    }

    /// <summary>The k-th best score among fully seen letters known to pass (a score the answer's k-th
    /// reaches at least), or -1 while fewer than k are known.</summary>
    private static long KthPassing(List<ImpactHit> complete, Dictionary<long, bool> passed, int k)
    {
        var scores = complete.Where(h => passed.TryGetValue(h.LetterId, out var ok) && ok).Select(h => h.Score).ToList();
        if (scores.Count < k) return -1;
        scores.Sort();
        return scores[^k];
    }

    private static long Bound(Partial partial, long[] idf, long[] frontier, bool[] exhausted)
    {
        var bound = partial.Score;
        for (var t = 0; t < idf.Length; t++)
        {
            if ((partial.Seen & (1UL << t)) != 0) continue;
            if (exhausted[t]) return -1;
            bound += idf[t] * frontier[t];
        }
        return bound;
    }

    /// <summary>Reads the cursor's run of equal impact (at most 512 postings) into the candidates.</summary>
    private static int Consume(Cursor cursor, long idf, ulong all, bool closed, Dictionary<long, Partial> candidates, List<ImpactHit> complete)
    {
        var impact = cursor.Impacts[cursor.Position];
        var bit = 1UL << cursor.Term;
        var n = 0;
        while (cursor.Position < cursor.Count && cursor.Impacts[cursor.Position] == impact && n < 512)
        {
            var id = cursor.Ids[cursor.Position++];
            n++;
            // Once closed, a letter not seen yet cannot enter the answer: only candidates are updated.
            ref var partial = ref (closed
                ? ref CollectionsMarshal.GetValueRefOrNullRef(candidates, id)
                : ref CollectionsMarshal.GetValueRefOrAddDefault(candidates, id, out _));
            if (Unsafe.IsNullRef(ref partial)) continue;
            partial.Score += idf * impact;
            partial.Seen |= bit;
            if (partial.Seen == all)
            {
                complete.Add(new ImpactHit(id, partial.Score));
                candidates.Remove(id);
            }
        }
        return n;
    }

    private static int IndexOf(IReadOnlyList<string> stems, string term)
    {
        for (var i = 0; i < stems.Count; i++)
        {
            if (stems[i] == term) return i;
        }
        throw new InvalidOperationException($"The index returned a term not asked for: {term}.");
    }

    private struct Partial
    {
        public long Score;
        public ulong Seen;
    }

    /// <summary>A term's postings in one segment, read block by block in impact order.</summary>
    private sealed class Cursor
    {
        private long[] _ids = [];
        private byte[] _impacts = [];
        private int _loaded;

        public Cursor(long segmentId, int term, string text, int df, byte[] first)
        {
            SegmentId = segmentId;
            Term = term;
            Text = text;
            Df = df;
            Block = -1;
            Load(first);
        }

        public long SegmentId { get; }
        public int Term { get; }
        public string Text { get; }
        public int Df { get; }
        public int Block { get; private set; }
        public int Count { get; private set; }
        public int Position { get; set; }
        public long[] Ids => _ids;
        public byte[] Impacts => _impacts;

        /// <summary>No posting left, in this block or the next ones.</summary>
        public bool Exhausted => Position >= Count && _loaded >= Df;

        /// <summary>Blocks not loaded yet.</summary>
        public bool HasMoreBlocks => _loaded < Df;

        /// <summary>The next block, fetched ahead.</summary>
        public byte[]? Pending { get; set; }

        /// <summary>The highest impact not read yet: the next posting's, or (between blocks) the last
        /// one read, which the next block's cannot exceed.</summary>
        public long Frontier => Position < Count ? _impacts[Position] : Exhausted ? 0 : _impacts[Count - 1];

        public void Load(byte[] block)
        {
            var last = Count > 0 ? _impacts[Count - 1] : (byte)255;
            Pending = null;
            Count = PostingBlocks.Decode(block, ref _ids, ref _impacts);
            Position = 0;
            Block++;
            _loaded += Count;
            if (Count > 0 && _impacts[0] > last) throw new InvalidDataException("Postings out of impact order.");
        }
    }
}
