using System.Data.Common;

namespace Imr.Archive.Search.Impact;

/// <summary>A letter of the impact index's answer, its score in fixed point (see <see cref="ImpactScoring"/>).</summary>
public readonly record struct ImpactHit(long LetterId, long Score);

/// <summary>What answering one query took: the postings read in impact order, the letters looked up
/// in the other terms' letter-ordered lists, the blocks and lookup queries, the filter queries, and
/// the time spent waiting on the database for each kind (milliseconds).</summary>
public readonly record struct ImpactCost(long Postings, long LookedUp, int BlocksLoaded, int LookupQueries, int FilterQueries, double FirstMs, double BlockMs, double LookupMs, double FilterMs, double TotalMs);

/// <summary>
/// The top k letters holding every term, by Σ idf × impact, ties to the lower letter id, found
/// without scoring every match: Fagin's threshold algorithm (written by hand, as neither engine nor
/// any library served here stops early). One cursor per (term, segment) walks the term's postings in
/// impact order, a block at a time; each step reads a run of postings from the cursor whose next
/// posting could add most to a score, and looks every letter it meets for the first time up in the
/// other terms' letter-ordered blocks of the same segment (a letter lives in one segment), so each
/// letter seen is scored exactly at once, or dropped for lacking a term. A letter not seen yet has
/// at most idf × frontier (the cursors' next impact) in every term; if that sum equals a score, it
/// ties only with every term at its frontier, that is after the cursors' next letter ids, and loses
/// the tie to a lower id. The search stops when k letters that pass the filters (checked for the
/// letters that could be in the answer, one query a batch, answers kept) are ahead of that bound, so
/// the answer is exactly the one scoring every letter would give. Steps grow as the search goes
/// deeper, so that a deep search takes few round trips.
/// </summary>
public sealed class ImpactSearch(ImpactIndex index, DbTransaction transaction, Func<IReadOnlyList<long>, CancellationToken, Task<IReadOnlySet<long>>> passes)
{
    private const int FilterBatch = 1000;
    private const int FirstStep = 64;
    private const int LastStep = 1024;

    private long _postings;
    private long _lookedUp;
    private int _blocks;
    private int _lookupQueries;
    private int _filterQueries;

    private long _firstTicks;
    private long _totalTicks;
    private long _blockTicks;
    private long _lookupTicks;
    private long _filterTicks;

    public ImpactCost Cost => new(_postings, _lookedUp, _blocks, _lookupQueries, _filterQueries,
        Milliseconds(_firstTicks), Milliseconds(_blockTicks), Milliseconds(_lookupTicks), Milliseconds(_filterTicks), Milliseconds(_totalTicks));

    private static double Milliseconds(long ticks) => ticks * 1000.0 / System.Diagnostics.Stopwatch.Frequency;

    /// <summary>The best <paramref name="k"/> letters holding every stem (distinct) that pass the filters, best first.</summary>
    public async Task<IReadOnlyList<ImpactHit>> TopAsync(IReadOnlyList<SegmentInfo> segments, IReadOnlyList<string> stems, int k, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return await RankAsync(segments, stems, k, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _totalTicks += System.Diagnostics.Stopwatch.GetTimestamp() - started;
        }
    }

    private async Task<IReadOnlyList<ImpactHit>> RankAsync(IReadOnlyList<SegmentInfo> segments, IReadOnlyList<string> stems, int k, CancellationToken cancellationToken)
    {
        var first = System.Diagnostics.Stopwatch.GetTimestamp();
        var termCount = stems.Count;
        var cursors = new List<Cursor>();
        var lookups = new Lookups();
        foreach (var (segmentId, term, df, postings, directory) in await index.FirstBlocksAsync(transaction, segments, stems, cancellationToken).ConfigureAwait(false))
        {
            var cursor = new Cursor(segmentId, IndexOf(stems, term), term, (int)df, postings);
            cursors.Add(cursor);
            if (termCount > 1) lookups.Add(segmentId, cursor.Term, term, directory, postings);
        }
        _firstTicks += System.Diagnostics.Stopwatch.GetTimestamp() - first;
        var letters = segments.Sum(s => s.Letters);
        var idf = new long[termCount];
        for (var t = 0; t < termCount; t++)
        {
            var df = cursors.Where(c => c.Term == t).Sum(c => (long)c.Df);
            if (df == 0) return []; // every term is required
            idf[t] = ImpactScoring.Idf(letters, df);
        }

        var seen = new LetterSet();
        var scored = new List<ImpactHit>(); // letters holding every term, not yet ahead of the bound
        // Letters ahead of the bound, best first. A letter joins it only after every letter already
        // there: it was not met, or not ahead, at the last check, so the bound then held it below them.
        var final = new List<ImpactHit>();
        var answer = new List<ImpactHit>(k);
        var filtered = 0; // final[..filtered] checked against the filters
        var step = FirstStep;
        var frontier = new long[termCount];
        var nextId = new long[termCount];
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
            if (best is not null)
            {
                if (best.Position >= best.Count)
                {
                    if (best.Pending is null) await PrefetchAsync(cursors, cancellationToken).ConfigureAwait(false);
                    best.Load(best.Pending!);
                }
                await StepAsync(best, Math.Min(step, best.Count - best.Position), idf, lookups, seen, scored, cancellationToken).ConfigureAwait(false);
            }

            // The bound of every letter not seen yet: its score at most Σ idf × frontier, and with that
            // score its id at least the next id of a cursor at the frontier in every term.
            long rest = 0, restId = 0;
            if (best is null) rest = -1;
            else
            {
                Array.Fill(frontier, -1);
                Array.Fill(nextId, long.MaxValue);
                foreach (var c in cursors)
                {
                    if (c.Exhausted) continue;
                    if (c.Frontier > frontier[c.Term])
                    {
                        frontier[c.Term] = c.Frontier;
                        nextId[c.Term] = c.NextId;
                    }
                    else if (c.Frontier == frontier[c.Term]) nextId[c.Term] = Math.Min(nextId[c.Term], c.NextId);
                }
                for (var t = 0; t < termCount && rest >= 0; t++)
                {
                    if (frontier[t] < 0) rest = -1; // a term with no posting left: no letter not seen holds every term
                    else
                    {
                        rest += idf[t] * frontier[t];
                        if (idf[t] > 0) restId = Math.Max(restId, nextId[t]);
                    }
                }
            }
            var ahead = new List<ImpactHit>();
            scored.RemoveAll(h =>
            {
                if (h.Score < rest || (h.Score == rest && h.LetterId >= restId)) return false;
                ahead.Add(h);
                return true;
            });
            ahead.Sort(Better);
            final.AddRange(ahead);
            // The filters are asked about once enough letters wait to complete the answer (the search
            // cannot stop before), or at the end.
            while (answer.Count < k && final.Count > filtered && (final.Count - filtered >= k - answer.Count || rest < 0))
            {
                // As many as should complete the answer at the share passing so far (each letter asked
                // about is a row read, from disk when the archive is cold).
                var needed = k - answer.Count;
                var share = filtered == 0 ? 1.0 : Math.Max(answer.Count, 1) / (double)filtered;
                var size = (int)Math.Min(FilterBatch, Math.Max(2.0 * needed, needed / share * 1.5));
                var batch = final.GetRange(filtered, Math.Min(size, final.Count - filtered));
                var pass = await PassingAsync(batch.Select(h => h.LetterId).ToList(), cancellationToken).ConfigureAwait(false);
                foreach (var hit in batch)
                {
                    filtered++;
                    if (pass.Contains(hit.LetterId)) answer.Add(hit);
                    if (answer.Count == k) break;
                }
            }
            if (answer.Count >= k || rest < 0) return answer;
            step = Math.Min(step + (step / 2), LastStep);
        }
    }

    private static int Better(ImpactHit a, ImpactHit b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.LetterId.CompareTo(b.LetterId);

    /// <summary>Reads <paramref name="count"/> postings of the cursor and scores the letters met for the
    /// first time, looking them up in the other terms.</summary>
    private async Task StepAsync(Cursor cursor, int count, long[] idf, Lookups lookups, LetterSet seen, List<ImpactHit> scored, CancellationToken cancellationToken)
    {
        var met = new List<(long Id, long Score)>(count);
        for (var i = 0; i < count; i++)
        {
            var id = cursor.Ids[cursor.Position];
            var impact = cursor.Impacts[cursor.Position++];
            if (seen.Add(id)) met.Add((id, idf[cursor.Term] * impact));
        }
        _postings += count;
        if (met.Count == 0) return;
        var scores = met.Select(m => m.Score).ToArray();
        var holds = new bool[met.Count];
        // The other terms' lookup lists in the segment (a letter lives in one segment); a term without
        // postings there: none of its letters holds every term.
        var others = new List<(int Term, TermLookup Lookup)>();
        for (var t = 0; t < idf.Length; t++)
        {
            if (t == cursor.Term) continue;
            if (lookups.Of(cursor.SegmentId, t) is not { } lookup)
            {
                others = null;
                break;
            }
            others.Add((t, lookup));
        }
        if (others is not null)
        {
            Array.Fill(holds, true);
            var missing = new List<(string Term, long LastId)>();
            foreach (var (_, lookup) in others)
            {
                foreach (var (id, _) in met) lookup.Want(id);
                _blocks += lookup.TakeBlocks(missing);
            }
            if (missing.Count > 0)
            {
                _lookupQueries++;
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var got = await index.LookupBlocksAsync(transaction, cursor.SegmentId, missing, cancellationToken).ConfigureAwait(false);
                _lookupTicks += System.Diagnostics.Stopwatch.GetTimestamp() - started;
                foreach (var (term, last, block) in got) others.First(o => o.Lookup.Stem == term).Lookup.Load(last, block);
            }
            if (others.Count > 0) _lookedUp += met.Count;
            // In letter order, so that each block is walked once.
            var order = Enumerable.Range(0, met.Count).ToArray();
            var ids = met.Select(m => m.Id).ToArray();
            Array.Sort(ids, order);
            var impacts = new byte[ids.Length];
            foreach (var (t, lookup) in others)
            {
                lookup.Impacts(ids, impacts);
                for (var j = 0; j < ids.Length; j++)
                {
                    var i = order[j];
                    if (impacts[j] == 0) holds[i] = false;
                    else scores[i] += idf[t] * impacts[j];
                }
            }
        }
        for (var i = 0; i < met.Count; i++)
        {
            if (holds[i]) scored.Add(new ImpactHit(met[i].Id, scores[i]));
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
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var blocks = await index.BlocksAsync(transaction, due.Select(c => (c.SegmentId, c.Text, c.Block + 1)).ToList(), cancellationToken).ConfigureAwait(false);
        _blockTicks += System.Diagnostics.Stopwatch.GetTimestamp() - started;
        foreach (var (segmentId, term, block, postings) in blocks)
            due.First(c => c.SegmentId == segmentId && c.Text == term && c.Block + 1 == block).Pending = postings;
    }

    /// <summary>Which of the letters pass the filters (one query).</summary>
    private async Task<IReadOnlySet<long>> PassingAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        _filterQueries++;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var pass = await passes(ids, cancellationToken).ConfigureAwait(false);
        _filterTicks += System.Diagnostics.Stopwatch.GetTimestamp() - started;
        return pass;
    }

    private static int IndexOf(IReadOnlyList<string> stems, string term)
    {
        for (var i = 0; i < stems.Count; i++)
        {
            if (stems[i] == term) return i;
        }
        throw new InvalidOperationException($"The index returned a term not asked for: {term}.");
    }

    /// <summary>The letter-ordered lists of the query's terms, per (segment, term).</summary>
    private sealed class Lookups
    {
        private readonly Dictionary<(long Segment, int Term), TermLookup> _lists = [];

        /// <summary>The term's list in the segment: its lookup blocks, by their directory, or the first
        /// block of its postings when that holds them all (no directory).</summary>
        public void Add(long segment, int term, string stem, byte[]? directory, byte[] firstBlock) =>
            _lists[(segment, term)] = directory is null ? TermLookup.Of(stem, firstBlock) : new TermLookup(stem, PostingBlocks.DecodeDirectory(directory));

        /// <summary>The term's list in the segment; null when the term has no posting there.</summary>
        public TermLookup? Of(long segment, int term) => _lists.GetValueOrDefault((segment, term));
    }

    /// <summary>A term's letter-ordered list in a segment: its directory (the blocks' last letter ids)
    /// and the blocks read so far, decoded (shared with other searches through the index's cache).</summary>
    private sealed class TermLookup(string stem, long[] lasts)
    {
        private static readonly LookupBlock Requested = LookupBlock.Of([0L], [(byte)0]);
        private readonly List<int> _wanted = [];
        private readonly LookupBlock?[] _blocks = new LookupBlock?[lasts.Length];

        public string Stem => stem;

        /// <summary>The list of a term whose postings are all in one block (impact-ordered): the block
        /// sorted by letter, in memory, nothing left to read.</summary>
        public static TermLookup Of(string stem, byte[] block)
        {
            long[] ids = [];
            byte[] impacts = [];
            var count = PostingBlocks.Decode(block, ref ids, ref impacts);
            if (count == 0) throw new InvalidDataException($"An empty first block of \"{stem}\".");
            Array.Sort(ids, impacts, 0, count);
            var lookup = new TermLookup(stem, [ids[count - 1]]);
            lookup._blocks[0] = LookupBlock.Of(ids.AsSpan(0, count), impacts.AsSpan(0, count)); // read: never asked for
            return lookup;
        }

        /// <summary>Notes the block that would hold the letter, unless it is read or asked for already.</summary>
        public void Want(long id)
        {
            var b = LowerBound(lasts, 0, id);
            if (b >= lasts.Length || _blocks[b] is not null) return;
            _blocks[b] = Requested;
            _wanted.Add(b);
        }

        /// <summary>
        /// The blocks noted, by their last ids, added to <paramref name="blocks"/>, with the one
        /// between two noted blocks (read in order, it costs less than the seek it saves). Returns
        /// the number added.
        /// </summary>
        public int TakeBlocks(List<(string Term, long LastId)> blocks)
        {
            if (_wanted.Count == 0) return 0;
            _wanted.Sort();
            var count = 0;
            var previous = -10;
            foreach (var b in _wanted)
            {
                if (b - previous == 2 && _blocks[b - 1] is null)
                {
                    _blocks[b - 1] = Requested;
                    blocks.Add((stem, lasts[b - 1]));
                    count++;
                }
                blocks.Add((stem, lasts[b]));
                count++;
                previous = b;
            }
            _wanted.Clear();
            return count;
        }

        public void Load(long last, LookupBlock block)
        {
            var b = Array.BinarySearch(lasts, last);
            if (b < 0) throw new InvalidDataException($"A lookup block of \"{stem}\" missing from its directory.");
            _blocks[b] = block;
        }

        /// <summary>The impacts of letters given in ascending id order (0: the letter does not hold the
        /// term), their blocks having been read: one walk through the blocks.</summary>
        public void Impacts(long[] ids, byte[] impacts)
        {
            var b = -1;
            LookupBlock? block = null;
            var from = 0;
            for (var i = 0; i < ids.Length; i++)
            {
                var id = ids[i];
                impacts[i] = 0;
                var next = b >= 0 && lasts[b] >= id ? b : LowerBound(lasts, Math.Max(b, 0), id);
                if (next >= lasts.Length) continue;
                if (next != b)
                {
                    b = next;
                    block = _blocks[b] is { } read && !ReferenceEquals(read, Requested) ? read : throw new InvalidOperationException("A lookup block was not read.");
                    from = 0;
                }
                impacts[i] = block!.ImpactOf(id, ref from);
            }
        }

        // The first index from `from` on whose value is at or above `id` (the array ascending): a
        // plain loop, as the runtime's generic search with a comparer costs several times more here.
        private static int LowerBound(long[] values, int from, long id)
        {
            int low = from, high = values.Length;
            while (low < high)
            {
                var middle = (int)((uint)(low + high) >> 1);
                if (values[middle] < id) low = middle + 1;
                else high = middle;
            }
            return low;
        }
    }

    /// <summary>The letters met so far, a bit per letter id (ids are dense: a bitmap beats a hash set)
    /// in pages of 32,768 letters made as letters come (small arrays, none in the large object heap,
    /// whose every allocation brings a full collection nearer), and a hash set for ids beyond what a
    /// bitmap should hold.</summary>
    private sealed class LetterSet
    {
        private const long BitmapLimit = 1L << 31;
        private const int PageBits = 15;
        private ulong[]?[] _pages = new ulong[]?[64];
        private HashSet<long>? _beyond;

        /// <summary>Adds the letter; false if it was there.</summary>
        public bool Add(long id)
        {
            if (id < 0 || id >= BitmapLimit) return (_beyond ??= []).Add(id);
            var p = (int)(id >> PageBits);
            if (p >= _pages.Length) Array.Resize(ref _pages, Math.Max(p + 1, _pages.Length * 2));
            var page = _pages[p] ??= new ulong[(1 << PageBits) / 64];
            var word = (int)(id >> 6) & (page.Length - 1);
            var bit = 1UL << (int)(id & 63);
            if ((page[word] & bit) != 0) return false;
            page[word] |= bit;
            return true;
        }
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

        /// <summary>The lowest id a posting not read yet with impact <see cref="Frontier"/> can have:
        /// within a run of equal impact, postings go by letter id.</summary>
        public long NextId => Position < Count ? _ids[Position] : _ids[Count - 1] + 1;

        public void Load(byte[] block)
        {
            var last = Count > 0 ? _impacts[Count - 1] : (byte)255;
            var lastId = Count > 0 ? _ids[Count - 1] : -1;
            Pending = null;
            Count = PostingBlocks.Decode(block, ref _ids, ref _impacts);
            Position = 0;
            Block++;
            _loaded += Count;
            if (Count > 0 && (_impacts[0] > last || (_impacts[0] == last && _ids[0] <= lastId))) throw new InvalidDataException("Postings out of impact order.");
        }
    }
}
