using System.Data.Common;
using Dapper;

namespace Imr.Archive.Search.Impact;

/// <summary>Tuning of the impact index: tests make blocks small and merges frequent.</summary>
/// <param name="MergeFanOut">How many segments of a level are merged into one of the next.</param>
/// <param name="FirstBlockSize">Postings in a term's first block (the next ones double, up to 4,096).</param>
/// <param name="BackfillBatch">Letters per segment when indexing letters stored before the index existed.</param>
/// <param name="LookupBlockSize">Postings in a block of the letter-ordered lists (at least).</param>
/// <param name="LookupBlocks">The most blocks of a term's letter-ordered list in a segment.</param>
/// <param name="CacheBytes">The most the <see cref="BlockCache"/> keeps of what searches read (0: nothing).</param>
public sealed record ImpactOptions(int MergeFanOut = 10, int FirstBlockSize = PostingBlocks.FirstBlockSize, int BackfillBatch = 500, int LookupBlockSize = PostingBlocks.LookupBlockSize, int LookupBlocks = PostingBlocks.LookupBlocks, long CacheBytes = ImpactOptions.DefaultCacheBytes)
{
    /// <summary>256 MB: at a million letters, the blocks of the words most searches hold.</summary>
    public const long DefaultCacheBytes = 256L << 20;
}

/// <summary>Writes a segment's posting rows and lookup rows within a transaction (the engines' fastest
/// way: prepared INSERTs in SQLite, binary COPY in PostgreSQL).</summary>
public delegate Task PostingWriter(DbTransaction transaction, long segmentId, IReadOnlyList<PostingRow> rows, IReadOnlyList<LookupRow> lookups, CancellationToken cancellationToken);

/// <summary>Holds the impact index's write lock until <paramref name="transaction"/> ends, so that two
/// processes writing one archive never merge the same segments (PostgreSQL: an advisory lock; SQLite needs
/// none, its write transactions hold the database's only write lock from their start).</summary>
public delegate Task IndexLock(DbTransaction transaction, CancellationToken cancellationToken);

/// <summary>A live segment as a query sees it: its id, its letters and the range of their ids.</summary>
public sealed record SegmentInfo(long Id, long Letters, long FirstLetterId = 0, long LastLetterId = 0);

/// <summary>
/// The impact index's storage, plain tables both engines share (<c>impact_segments</c>,
/// <c>impact_postings</c> in impact order, <c>impact_lookup</c> in letter order, <c>impact_facets</c>
/// the letters holding each <see cref="Facets">facet</see>, <c>impact_backlog</c>; migrations 0003,
/// 0004 and 0006), LSM-style: every stored batch adds,
/// in its own transaction, a level-0 segment of its new letters, so letters and postings are
/// committed together or not at all; when a level holds <see cref="ImpactOptions.MergeFanOut"/>
/// segments they are merged into one of the next level in one transaction (tiered, as Lucene does),
/// term by term in term order, so memory holds one term's postings at a time, never a segment.
/// Postings of letters no longer current are dropped at a merge. Letters stored before the index
/// existed are indexed by <see cref="BackfillAsync"/>, which the archive runs when it migrates.
/// </summary>
public sealed class ImpactIndex(DbConnection connection, PostingWriter write, ImpactOptions options, SegmentReader? read = null, bool readBesideWrites = false, IndexLock? exclusive = null)
{
    private readonly SegmentBuilder _builder = new(options.FirstBlockSize, options.LookupBlockSize, options.LookupBlocks);

    /// <summary>What searches read, kept for the next ones.</summary>
    public BlockCache Cache { get; } = new(options.CacheBytes);

    public ImpactOptions Options => options;

    /// <summary>Adds a level-0 segment of <paramref name="letters"/> within the caller's transaction.</summary>
    public Task WriteSegmentAsync(DbTransaction transaction, IReadOnlyList<IndexedLetter> letters, CancellationToken cancellationToken) =>
        letters.Count == 0 ? Task.CompletedTask : WriteSegmentAsync(transaction, Build(letters), cancellationToken);

    /// <summary>The level-0 segment of <paramref name="letters"/>, built in memory (no database work:
    /// it may run on another thread while the caller writes the letters). One build at a time: the
    /// builder keeps its buffers from one batch to the next.</summary>
    public SegmentContent Build(IReadOnlyList<IndexedLetter> letters) => _builder.Build(letters);

    /// <summary>Adds a level-0 segment built by <see cref="Build"/> within the caller's transaction.</summary>
    public async Task WriteSegmentAsync(DbTransaction transaction, SegmentContent content, CancellationToken cancellationToken)
    {
        if (content.Letters == 0) return;
        var id = await InsertSegmentAsync(transaction, 0, content.Letters, content.AverageLength, content.FirstLetterId, content.LastLetterId, cancellationToken).ConfigureAwait(false);
        await write(transaction, id, content.Rows, content.Lookups, cancellationToken).ConfigureAwait(false);
        await WriteFacetsAsync(transaction, id, content.Facets, cancellationToken).ConfigureAwait(false);
    }

    private Task WriteFacetsAsync(DbTransaction transaction, long segmentId, IReadOnlyList<FacetRow> facets, CancellationToken cancellationToken) =>
        facets.Count == 0 ? Task.CompletedTask : connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO impact_facets (segment_id, facet, letters) VALUES (@segmentId, @Facet, @Letters)",
            facets.Select(f => new { segmentId, f.Facet, f.Letters }), transaction, cancellationToken: cancellationToken));

    /// <summary>Merges every level that has grown to the fan-out, lowest first, until none has. Another
    /// archive on the same database (another process importing) may merge meanwhile: each merge takes
    /// the index's write lock, then reads its level again, and a level another has merged is left.</summary>
    public async Task MergeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var levels = await connection.QueryAsync<(long Level, long Count)>(new CommandDefinition(
                "SELECT level, COUNT(*) FROM impact_segments GROUP BY level ORDER BY level", cancellationToken: cancellationToken)).ConfigureAwait(false);
            var full = levels.FirstOrDefault(l => l.Count >= options.MergeFanOut);
            if (full.Count == 0) return;
            await MergeLevelAsync((int)full.Level, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task MergeLevelAsync(int level, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (exclusive is not null) await exclusive(transaction, cancellationToken).ConfigureAwait(false);
        // Read under the lock: the level as the last merge committed it.
        var inputs = (await connection.QueryAsync<SegmentRow>(new CommandDefinition(
            "SELECT id AS Id, letters AS Letters, avg_length AS AverageLength, first_letter_id AS FirstLetterId, last_letter_id AS LastLetterId " +
            "FROM impact_segments WHERE level = @level ORDER BY id", new { level }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        if (inputs.Count < options.MergeFanOut)
        {
            // Another archive on this database merged the level since it was counted.
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        var first = inputs.Min(s => s.FirstLetterId);
        var last = inputs.Max(s => s.LastLetterId);
        // Versions replaced since their segment was written; few, whatever the size of the archive.
        var retired = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT id FROM letters WHERE is_current = @no AND id BETWEEN @first AND @last",
            new { no = false, first, last }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToHashSet();
        var letters = inputs.Sum(s => s.Letters);
        var average = letters == 0 ? 0 : inputs.Sum(s => s.Letters * s.AverageLength) / letters;
        var id = await InsertSegmentAsync(transaction, level + 1, letters, average, first, last, cancellationToken).ConfigureAwait(false);

        var dropped = new HashSet<long>();
        var streams = inputs.Select(s => read?.Invoke(transaction, s.Id) ?? new PagedSegmentStream(connection, transaction, s.Id)).ToList();
        try
        {
            await MergeRowsAsync(transaction, id, streams, retired, dropped, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var stream in streams) stream.Dispose();
        }
        var ids = string.Join(',', inputs.Select(s => s.Id));
        await MergeFacetsAsync(transaction, ids, id, retired, cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM impact_postings WHERE segment_id IN ({ids}); DELETE FROM impact_lookup WHERE segment_id IN ({ids}); DELETE FROM impact_facets WHERE segment_id IN ({ids}); DELETE FROM impact_segments WHERE id IN ({ids}); " +
            "UPDATE impact_segments SET letters = @letters WHERE id = @id",
            new { letters = letters - dropped.Count, id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The merged segment's rows: the inputs walked side by side in term order, one term's
    /// postings gathered, sorted and cut at a time, written a few thousand rows at a time. When the
    /// engine reads the inputs on a connection of their own, the gathering (reading, decoding,
    /// sorting, cutting) runs on another thread, a couple of chunks ahead of the writes.</summary>
    private async Task MergeRowsAsync(DbTransaction transaction, long id, List<SegmentStream> streams, HashSet<long> retired, HashSet<long> dropped, CancellationToken cancellationToken)
    {
        if (!readBesideWrites)
        {
            await GatherAsync(streams, retired, dropped, (rows, lookups) => new ValueTask(write(transaction, id, rows, lookups, cancellationToken)), cancellationToken).ConfigureAwait(false);
            return;
        }
        var chunks = System.Threading.Channels.Channel.CreateBounded<(List<PostingRow> Rows, List<LookupRow> Lookups)>(2);
        var gathering = Task.Run(async () =>
        {
            try
            {
                await GatherAsync(streams, retired, dropped, (rows, lookups) => chunks.Writer.WriteAsync(([.. rows], [.. lookups]), cancellationToken), cancellationToken).ConfigureAwait(false);
                chunks.Writer.Complete();
            }
            catch (Exception e)
            {
                chunks.Writer.Complete(e);
            }
        }, cancellationToken);
        try
        {
            await foreach (var (rows, lookups) in chunks.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                await write(transaction, id, rows, lookups, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // A failed write stops the gathering too (the streams are disposed after this returns).
            chunks.Writer.TryComplete();
            while (chunks.Reader.TryRead(out _))
            {
            }
            await gathering.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
        await gathering.ConfigureAwait(false);
    }

    private async Task GatherAsync(List<SegmentStream> streams, HashSet<long> retired, HashSet<long> dropped, Func<List<PostingRow>, List<LookupRow>, ValueTask> emit, CancellationToken cancellationToken)
    {
        foreach (var stream in streams) await stream.MoveNextAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<PostingRow>();
        var lookups = new List<LookupRow>();
        var merged = new MergeBuffer();
        while (true)
        {
            string? term = null;
            foreach (var stream in streams)
            {
                if (stream.Current is { } row && (term is null || TermOrder.Instance.Compare(row.Term, term) < 0)) term = row.Term;
            }
            if (term is null) break;
            merged.Clear();
            foreach (var stream in streams)
            {
                while (stream.Current is { } row && row.Term == term)
                {
                    merged.Add(row.Postings, retired, dropped);
                    await stream.MoveNextAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            merged.Cut(term, options, rows, lookups);
            if (rows.Count + lookups.Count >= 2000)
            {
                await emit(rows, lookups).ConfigureAwait(false);
                rows.Clear();
                lookups.Clear();
            }
        }
        if (rows.Count + lookups.Count > 0) await emit(rows, lookups).ConfigureAwait(false);
    }

    /// <summary>The merged segment's facets: each facet's letters in the inputs, less the versions
    /// retired, a facet at a time (memory holds one facet's letters, never a segment's facets).</summary>
    private async Task MergeFacetsAsync(DbTransaction transaction, string inputs, long segmentId, HashSet<long> retired, CancellationToken cancellationToken)
    {
        var facets = (await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT DISTINCT facet FROM impact_facets WHERE segment_id IN ({inputs})", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        foreach (var facet in facets)
        {
            var blobs = await connection.QueryAsync<byte[]>(new CommandDefinition(
                $"SELECT letters FROM impact_facets WHERE segment_id IN ({inputs}) AND facet = @facet", new { facet }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var letters = blobs.SelectMany(LetterSets.Decode).Where(l => !retired.Contains(l)).ToArray();
            if (letters.Length == 0) continue;
            Array.Sort(letters);
            await WriteFacetsAsync(transaction, segmentId, [new FacetRow(facet, LetterSets.Encode(letters))], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Indexes the letters stored before the impact index existed (migration 0003 recorded the last
    /// such id), a batch per transaction with the progress recorded in it: interrupted, it resumes.
    /// </summary>
    public async Task BackfillAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
            {
                var (through, done) = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(
                    "SELECT letters_through, done_through FROM impact_backlog", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (done >= through) return;
                var letters = (await connection.QueryAsync<(long Id, string Summary)>(new CommandDefinition(
                    "SELECT id, case_summary FROM letters WHERE id > @done AND id <= @through ORDER BY id LIMIT @batch",
                    new { done, through, batch = options.BackfillBatch }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
                if (letters.Count > 0)
                {
                    var items = (await connection.QueryAsync<(long LetterId, string Treatment, string Rationale, string Decision, string Category)>(new CommandDefinition(
                        $"SELECT letter_id, treatment, rationale, decision, category FROM items WHERE letter_id IN ({string.Join(',', letters.Select(l => l.Id))}) ORDER BY letter_id, ordinal",
                        transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToLookup(i => i.LetterId);
                    await WriteSegmentAsync(transaction, letters.Select(l => new IndexedLetter(
                        l.Id, l.Summary,
                        string.Join(" | ", items[l.Id].Select(i => i.Treatment)),
                        string.Join(" | ", items[l.Id].Select(i => i.Rationale)),
                        Facets: Facets.OfItems(items[l.Id].Select(i => (i.Decision, i.Category))))).ToList(), cancellationToken).ConfigureAwait(false);
                }
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE impact_backlog SET done_through = @done",
                    new { done = letters.Count == 0 ? through : letters[^1].Id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            await MergeAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether every stored letter is indexed, and the live segments; within the caller's
    /// (read) transaction, so that a merge committing meanwhile cannot change what the query reads.</summary>
    public async Task<(bool Complete, IReadOnlyList<SegmentInfo> Segments)> SnapshotAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            "SELECT letters_through, done_through FROM impact_backlog; SELECT id, letters, first_letter_id, last_letter_id FROM impact_segments ORDER BY id",
            transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var (through, done) = await results.ReadSingleAsync<(long, long)>().ConfigureAwait(false);
        var segments = (await results.ReadAsync<(long Id, long Letters, long First, long Last)>().ConfigureAwait(false))
            .Select(s => new SegmentInfo(s.Id, s.Letters, s.First, s.Last)).ToList();
        Cache.Admit(segments);
        return (done >= through, segments);
    }

    /// <summary>The first block of each term in each segment, with the term's count and lookup directory
    /// there: from the <see cref="Cache"/>, the rest in one query.</summary>
    public async Task<IReadOnlyList<(long SegmentId, string Term, long Df, byte[] Postings, byte[]? Directory)>> FirstBlocksAsync(
        DbTransaction transaction, IReadOnlyList<SegmentInfo> segments, IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        var found = new List<(long SegmentId, string Term, long Df, byte[] Postings, byte[]? Directory)>();
        var missing = new HashSet<(long Segment, string Term)>();
        foreach (var segment in segments)
        {
            foreach (var term in terms)
            {
                if (!Cache.TryGet<FirstBlock>(new BlockKey(segment.Id, term, BlockKind.First, 0), out var first)) missing.Add((segment.Id, term));
                else if (first != FirstBlock.Absent) found.Add((segment.Id, term, first!.Df, first.Postings, first.Directory));
            }
        }
        if (missing.Count == 0) return found;
        // One parameter a term (Dapper would pass a list to Npgsql as one array, which IN does not take).
        var parameters = new DynamicParameters();
        var missingTerms = missing.Select(m => m.Term).Distinct().ToList();
        for (var i = 0; i < missingTerms.Count; i++) parameters.Add($"t{i}", missingTerms[i]);
        var rows = await connection.QueryAsync<(long SegmentId, string Term, long Df, byte[] Postings, byte[]? Directory)>(new CommandDefinition(
            $"SELECT segment_id, term, df, postings, directory FROM impact_postings WHERE segment_id IN ({string.Join(',', missing.Select(m => m.Segment).Distinct())}) " +
            $"AND term IN ({string.Join(',', missingTerms.Select((_, i) => $"@t{i}"))}) AND block = 0",
            parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (var row in rows)
        {
            if (!missing.Remove((row.SegmentId, row.Term))) continue; // a pair of the cross product that was cached
            found.Add(row);
            Cache.Set(new BlockKey(row.SegmentId, row.Term, BlockKind.First, 0), new FirstBlock(row.Df, row.Postings, row.Directory),
                row.Postings.Length + (row.Directory?.Length ?? 0));
        }
        foreach (var (segment, term) in missing) Cache.Set(new BlockKey(segment, term, BlockKind.First, 0), FirstBlock.Absent, 0);
        return found;
    }

    /// <summary>The letters of each segment holding <paramref name="facet"/>: from the <see cref="Cache"/>, the rest in one query.</summary>
    public async Task<IReadOnlyList<LetterSets.LetterSet>> FacetAsync(DbTransaction transaction, IReadOnlyList<SegmentInfo> segments, string facet, CancellationToken cancellationToken)
    {
        var sets = new List<LetterSets.LetterSet>();
        var missing = new List<long>();
        foreach (var segment in segments)
        {
            if (Cache.TryGet<LetterSets.LetterSet>(new BlockKey(segment.Id, facet, BlockKind.Facet, 0), out var set)) sets.Add(set!);
            else missing.Add(segment.Id);
        }
        if (missing.Count == 0) return sets;
        var rows = await connection.QueryAsync<(long SegmentId, byte[] Letters)>(new CommandDefinition(
            $"SELECT segment_id, letters FROM impact_facets WHERE segment_id IN ({string.Join(',', missing)}) AND facet = @facet",
            new { facet }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (var (segmentId, letters) in rows)
        {
            var set = LetterSets.LetterSet.Of(letters);
            sets.Add(set);
            Cache.Set(new BlockKey(segmentId, facet, BlockKind.Facet, 0), set, set.Bytes);
        }
        return sets;
    }

    /// <summary>The letters no longer current (versions replaced), which the index keeps until a merge
    /// drops them: few, whatever the size of the archive.</summary>
    public async Task<HashSet<long>> RetiredAsync(DbTransaction transaction, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT id FROM letters WHERE is_current = FALSE", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToHashSet();

    /// <summary>Further blocks, each a (segment, term, block): from the <see cref="Cache"/>, the rest in one query.</summary>
    public async Task<IReadOnlyList<(long SegmentId, string Term, long Block, byte[] Postings)>> BlocksAsync(
        DbTransaction transaction, IReadOnlyList<(long SegmentId, string Term, int Block)> blocks, CancellationToken cancellationToken)
    {
        var found = new List<(long SegmentId, string Term, long Block, byte[] Postings)>();
        var missing = new List<(long SegmentId, string Term, int Block)>();
        foreach (var (segmentId, term, block) in blocks)
        {
            if (Cache.TryGet<byte[]>(new BlockKey(segmentId, term, BlockKind.Block, block), out var postings)) found.Add((segmentId, term, block, postings!));
            else missing.Add((segmentId, term, block));
        }
        if (missing.Count == 0) return found;
        var parameters = new DynamicParameters();
        var terms = missing.Select(b => b.Term).Distinct().ToList();
        for (var i = 0; i < terms.Count; i++) parameters.Add($"t{i}", terms[i]);
        var wanted = string.Join(" OR ", missing.Select(b => $"(segment_id = {b.SegmentId} AND term = @t{terms.IndexOf(b.Term)} AND block = {b.Block})"));
        foreach (var row in await connection.QueryAsync<(long SegmentId, string Term, long Block, byte[] Postings)>(new CommandDefinition(
            $"SELECT segment_id, term, block, postings FROM impact_postings WHERE {wanted}",
            parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
        {
            found.Add(row);
            Cache.Set(new BlockKey(row.SegmentId, row.Term, BlockKind.Block, row.Block), row.Postings, row.Postings.Length);
        }
        return found;
    }

    /// <summary>Lookup blocks of a segment, each a (term, last letter id), decoded: from the <see cref="Cache"/>, the rest in one query.</summary>
    public async Task<IReadOnlyList<(string Term, long LastId, LookupBlock Block)>> LookupBlocksAsync(
        DbTransaction transaction, long segmentId, IReadOnlyList<(string Term, long LastId)> blocks, CancellationToken cancellationToken)
    {
        var found = new List<(string Term, long LastId, LookupBlock Block)>(blocks.Count);
        var missing = new List<(string Term, long LastId)>();
        foreach (var (term, last) in blocks)
        {
            if (Cache.TryGet<LookupBlock>(new BlockKey(segmentId, term, BlockKind.Lookup, last), out var block)) found.Add((term, last, block!));
            else missing.Add((term, last));
        }
        if (missing.Count == 0) return found;
        var parameters = new DynamicParameters();
        parameters.Add("segment", segmentId);
        // One IN list a term, each its own SELECT: a seek per block on both engines (an array of keys
        // on PostgreSQL; SQLite would scan the segment's rows for an OR of terms).
        var wanted = string.Join(" UNION ALL ", missing.GroupBy(b => b.Term).Select((g, i) =>
        {
            parameters.Add($"t{i}", g.Key);
            return $"SELECT term, last_id, postings FROM impact_lookup WHERE segment_id = @segment AND term = @t{i} AND last_id IN ({string.Join(',', g.Select(b => b.LastId))})";
        }));
        foreach (var (term, last, postings) in await connection.QueryAsync<(string Term, long LastId, byte[] Postings)>(new CommandDefinition(
            wanted, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
        {
            var block = LookupBlock.Decode(postings);
            found.Add((term, last, block));
            Cache.Set(new BlockKey(segmentId, term, BlockKind.Lookup, last), block, block.Bytes);
        }
        return found;
    }

    private Task<long> InsertSegmentAsync(DbTransaction transaction, int level, long letters, double average, long first, long last, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO impact_segments (level, letters, avg_length, first_letter_id, last_letter_id) VALUES (@level, @letters, @average, @first, @last) RETURNING id",
            new { level, letters, average, first, last }, transaction, cancellationToken: cancellationToken));

    private sealed class SegmentRow
    {
        public long Id { get; set; }
        public long Letters { get; set; }
        public double AverageLength { get; set; }
        public long FirstLetterId { get; set; }
        public long LastLetterId { get; set; }
    }

    /// <summary>One term's postings gathered from the merged segments, then sorted and cut again.</summary>
    private sealed class MergeBuffer
    {
        private long[] _keys = new long[1024];
        private long[] _ids = [];
        private byte[] _impacts = [];
        private int _count;

        public void Clear() => _count = 0;

        public void Add(byte[] block, HashSet<long> retired, HashSet<long> dropped)
        {
            var count = PostingBlocks.Decode(block, ref _ids, ref _impacts);
            if (_keys.Length < _count + count) Array.Resize(ref _keys, Math.Max(_count + count, _keys.Length * 2));
            if (retired.Count == 0)
            {
                for (var i = 0; i < count; i++) _keys[_count++] = PostingBlocks.Key(_ids[i], _impacts[i]);
                return;
            }
            for (var i = 0; i < count; i++)
            {
                if (retired.Contains(_ids[i]))
                {
                    dropped.Add(_ids[i]);
                    continue;
                }
                _keys[_count++] = PostingBlocks.Key(_ids[i], _impacts[i]);
            }
        }

        public void Cut(string term, ImpactOptions options, List<PostingRow> rows, List<LookupRow> lookups)
        {
            var keys = _keys.AsSpan(0, _count);
            PostingSort.ByImpact(keys);
            PostingBlocks.CutTerm(term, keys, options, rows, lookups);
        }
    }

    /// <summary>A segment's rows in (term, block) order, read a page at a time (one query per page: a
    /// PostgreSQL connection has one result set open at a time).</summary>
    private sealed class PagedSegmentStream(DbConnection connection, DbTransaction transaction, long segmentId) : SegmentStream
    {
        private const int Page = 128;
        private readonly Queue<StoredRow> _page = new();
        private (string Term, long Block)? _last;
        private bool _end;

        public override async ValueTask MoveNextAsync(CancellationToken cancellationToken)
        {
            if (_page.Count == 0 && !_end)
            {
                var sql = "SELECT term AS Term, block AS Block, postings AS Postings FROM impact_postings WHERE segment_id = @segmentId " +
                    (_last is null ? "" : "AND (term, block) > (@term, @block) ") + "ORDER BY term, block LIMIT @page";
                var rows = (await connection.QueryAsync<StoredRow>(new CommandDefinition(
                    sql, new { segmentId, term = _last?.Term, block = _last?.Block ?? 0, page = Page }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
                foreach (var row in rows) _page.Enqueue(row);
                if (rows.Count < Page) _end = true;
                if (rows.Count > 0) _last = (rows[^1].Term, rows[^1].Block);
            }
            Current = _page.Count > 0 ? _page.Dequeue() : null;
        }
    }

}

/// <summary>A stored block of a segment's postings, as a merge reads it.</summary>
public sealed class StoredRow
{
    public string Term { get; set; } = "";
    public long Block { get; set; }
    public byte[] Postings { get; set; } = [];
}

/// <summary>A segment's impact-ordered rows in (term, block) order, as a merge walks them.</summary>
public abstract class SegmentStream : IDisposable
{
    /// <summary>The current row; null before the first and after the last.</summary>
    public StoredRow? Current { get; protected set; }

    public abstract ValueTask MoveNextAsync(CancellationToken cancellationToken);

    public virtual void Dispose()
    {
    }
}

/// <summary>Opens a stream of a segment's rows within the merge's transaction (an engine's own way;
/// by default a query a page of rows).</summary>
public delegate SegmentStream SegmentReader(DbTransaction transaction, long segmentId);
