using Microsoft.Extensions.Caching.Memory;

namespace Imr.Archive.Search.Impact;

/// <summary>
/// What searches read of the impact index (a term's first block, its further blocks, its lookup
/// blocks, a facet's letters), kept in memory from one search to the next, least recently used out
/// past a size in bytes (Microsoft.Extensions.Caching.Memory). A segment's rows never change: a merge
/// writes a new segment and deletes its inputs, so a block read once stays true as long as its
/// segment lives. The cache learns the live segments from each search's snapshot: when one it holds
/// blocks of is gone (merged), it starts again empty; a segment id seen again with another shape
/// (letters, first and last letter) also empties it, so that no block outlives its segment.
/// At a million letters a typical search reads about a megabyte of lookup blocks, most of them read
/// by the searches before it (the common words of treatments): from memory, not from the database.
/// </summary>
public sealed class BlockCache : IDisposable
{
    private readonly MemoryCache? _cache;
    private readonly Lock _gate = new();
    private Dictionary<long, SegmentInfo> _segments = [];
    private long _hits;
    private long _misses;

    /// <param name="bytes">The most the cache holds; 0 keeps nothing.</param>
    public BlockCache(long bytes)
    {
        if (bytes > 0) _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = bytes, CompactionPercentage = 0.25 });
    }

    /// <summary>Reads answered from memory, and reads that went to the database, since the cache was made.</summary>
    public (long Hits, long Misses) Counts => (Interlocked.Read(ref _hits), Interlocked.Read(ref _misses));

    /// <summary>The live segments as a search sees them; empties the cache when a segment it knew is
    /// gone or has changed shape.</summary>
    public void Admit(IReadOnlyList<SegmentInfo> segments)
    {
        if (_cache is null) return;
        lock (_gate)
        {
            var gone = _segments.Count > 0 && _segments.Keys.Any(id => !segments.Any(s => s.Id == id));
            var changed = segments.Any(s => _segments.TryGetValue(s.Id, out var known) && known != s);
            if (gone || changed) _cache.Clear();
            if (gone || changed || segments.Any(s => !_segments.ContainsKey(s.Id))) _segments = segments.ToDictionary(s => s.Id);
        }
    }

    /// <summary>The value kept under the key, if any.</summary>
    public bool TryGet<T>(BlockKey key, out T? value)
        where T : class
    {
        if (_cache is not null && _cache.TryGetValue(key, out var kept) && kept is T found)
        {
            Interlocked.Increment(ref _hits);
            value = found;
            return true;
        }
        Interlocked.Increment(ref _misses);
        value = null;
        return false;
    }

    /// <summary>Keeps a value read from the database, counted as <paramref name="bytes"/>.</summary>
    public void Set(BlockKey key, object value, long bytes)
    {
        if (_cache is null) return;
        using var entry = _cache.CreateEntry(key);
        entry.Value = value;
        entry.Size = bytes + 64; // the key, the entry and the array's header
    }

    public void Dispose() => _cache?.Dispose();
}

/// <summary>What a cached read was: a term's first block (with its count and directory), a further
/// impact block, a lookup block (by its last letter id), or a facet's letters.</summary>
public enum BlockKind : byte
{
    First,
    Block,
    Lookup,
    Facet,
}

/// <summary>The key of a cached read: the segment, the term (or facet), the kind and the block's number or last letter id.</summary>
public readonly record struct BlockKey(long Segment, string Term, BlockKind Kind, long Number);

/// <summary>A term's first block in a segment with its count and lookup directory; <see cref="Absent"/>
/// when the segment holds no posting of the term.</summary>
public sealed record FirstBlock(long Df, byte[] Postings, byte[]? Directory)
{
    public static readonly FirstBlock Absent = new(0, [], null);
}
