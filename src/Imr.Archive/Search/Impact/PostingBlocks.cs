namespace Imr.Archive.Search.Impact;

/// <summary>One stored block of a term's postings in a segment, in letter order, for looking letters
/// up (a row of <c>impact_lookup</c>).</summary>
/// <param name="LastId">The block's last (highest) letter id: the row's key, so that one seek finds
/// the block a letter would be in.</param>
public sealed record LookupRow(string Term, long LastId, byte[] Postings);

/// <summary>One stored block of a term's postings in a segment (a row of <c>impact_postings</c>).</summary>
/// <param name="Df">The term's postings in the segment (the same on every block of the term).</param>
/// <param name="TopImpact">The block's first, highest impact.</param>
/// <param name="Directory">On the first block only: the last letter ids of the term's lookup blocks
/// (see <see cref="PostingBlocks.CutLookup"/>), so that a query knows which block holds a letter; null
/// when the first block holds all the term's postings (<see cref="PostingBlocks.CutTerm"/>).</param>
public sealed record PostingRow(string Term, int Block, int Df, int TopImpact, byte[] Postings, byte[]? Directory = null);

/// <summary>
/// The layout of a term's postings in a segment: ordered by impact descending then letter id
/// ascending, cut into blocks of growing size (64, 128, ... up to 4,096 postings) so that a query
/// reads the few best postings in one small row and more only when it must. A block is one blob:
/// its count and smallest letter id (varints), then runs of equal impact, each the impact (a byte),
/// the run's length and its letter ids as varint deltas (the first from the smallest id).
/// </summary>
public static class PostingBlocks
{
    public const int FirstBlockSize = 64;
    public const int LastBlockSize = 4096;

    /// <summary>How many postings block <paramref name="block"/> holds (all blocks but a term's last are full).</summary>
    public static int Size(int block, int first = FirstBlockSize) =>
        (int)Math.Min((long)first << Math.Min(block, 20), LastBlockSize);

    /// <summary>A sort key ordering postings by impact descending, then letter id ascending.</summary>
    public static long Key(long letterId, byte impact) => ((long)(255 - impact) << 48) | letterId;

    public static long LetterOf(long key) => key & ((1L << 48) - 1);

    public static byte ImpactOf(long key) => (byte)(255 - (key >> 48));

    /// <summary>The blocks of postings given as sorted <see cref="Key"/>s, each passed to <paramref name="emit"/>
    /// with its number and top impact.</summary>
    public static void Cut(ReadOnlySpan<long> keys, int firstBlockSize, Action<int, int, byte[]> emit)
    {
        var buffer = new byte[16];
        var at = 0;
        for (var block = 0; at < keys.Length; block++)
        {
            var size = Math.Min(Size(block, firstBlockSize), keys.Length - at);
            var slice = keys.Slice(at, size);
            emit(block, ImpactOf(slice[0]), Encode(slice, ref buffer));
            at += size;
        }
    }

    private static byte[] Encode(ReadOnlySpan<long> keys, ref byte[] buffer)
    {
        var min = long.MaxValue;
        foreach (var key in keys) min = Math.Min(min, LetterOf(key));
        var need = 2 * 10 + (keys.Length * 12);
        if (buffer.Length < need) buffer = new byte[need];
        var n = 0;
        WriteVarint(buffer, ref n, (ulong)keys.Length);
        WriteVarint(buffer, ref n, (ulong)min);
        var i = 0;
        while (i < keys.Length)
        {
            var impact = ImpactOf(keys[i]);
            var end = i + 1;
            while (end < keys.Length && ImpactOf(keys[end]) == impact) end++;
            buffer[n++] = impact;
            WriteVarint(buffer, ref n, (ulong)(end - i));
            var previous = min;
            for (var j = i; j < end; j++)
            {
                var id = LetterOf(keys[j]);
                WriteVarint(buffer, ref n, (ulong)(id - previous));
                previous = id;
            }
            i = end;
        }
        return buffer.AsSpan(0, n).ToArray();
    }

    /// <summary>Decodes a block into <paramref name="ids"/> and <paramref name="impacts"/> (grown as needed);
    /// returns its count.</summary>
    public static int Decode(byte[] blob, ref long[] ids, ref byte[] impacts)
    {
        var at = 0;
        var count = (int)ReadVarint(blob, ref at);
        var min = (long)ReadVarint(blob, ref at);
        if (ids.Length < count) ids = new long[Math.Max(count, ids.Length * 2)];
        if (impacts.Length < count) impacts = new byte[Math.Max(count, impacts.Length * 2)];
        var k = 0;
        while (k < count)
        {
            var impact = blob[at++];
            var run = (int)ReadVarint(blob, ref at);
            var id = min;
            for (var j = 0; j < run; j++)
            {
                id += (long)ReadVarint(blob, ref at);
                ids[k] = id;
                impacts[k] = impact;
                k++;
            }
        }
        return count;
    }

    /// <summary>
    /// A term's rows in a segment, from its postings given as sorted <see cref="Key"/>s: its blocks in
    /// impact order and, when they are more than one, its lookup blocks in letter order, whose
    /// directory the first block carries. A term whose postings fit in its first block (most terms
    /// of a segment) gets no lookup rows and no directory: a search looks its letters up in that first
    /// block, which it reads anyway.
    /// </summary>
    public static void CutTerm(string term, ReadOnlySpan<long> keys, ImpactOptions options, List<PostingRow> rows, List<LookupRow> lookups)
    {
        if (keys.IsEmpty) return;
        var df = keys.Length;
        var directory = df <= Size(0, options.FirstBlockSize)
            ? null
            : CutLookup(keys, options.LookupBlockSize, (last, blob) => lookups.Add(new LookupRow(term, last, blob)), options.LookupBlocks);
        Cut(keys, options.FirstBlockSize, (block, top, blob) => rows.Add(new PostingRow(term, block, df, top, blob, block == 0 ? directory : null)));
    }

    /// <summary>Postings in a lookup block (the last block of a term may hold fewer).</summary>
    public const int LookupBlockSize = 128;

    /// <summary>The most lookup blocks a term has in a segment (its blocks grow beyond
    /// <see cref="LookupBlockSize"/> postings to keep to it).</summary>
    public const int LookupBlocks = 256;

    /// <summary>
    /// The lookup blocks of a term's postings given as <see cref="Key"/>s in any order: the postings
    /// sorted by letter id and cut into blocks of <paramref name="blockSize"/> (larger when that would make
    /// more than <paramref name="maxBlocks"/>: a search meeting letters all over a term most letters
    /// hold reads one row per block it needs, and rows cost more than postings), each passed to
    /// <paramref name="emit"/> with its last letter id. A block is one blob: its count and first letter
    /// id (varints), the other ids as varint deltas, then the impacts, a byte each in the same order.
    /// </summary>
    /// <returns>The directory: the blocks' last letter ids, their count then varint deltas.</returns>
    public static byte[] CutLookup(ReadOnlySpan<long> keys, int blockSize, Action<long, byte[]> emit, int maxBlocks = LookupBlocks)
    {
        blockSize = Math.Max(blockSize, (keys.Length + maxBlocks - 1) / maxBlocks);
        var directory = new byte[10 + (((keys.Length / blockSize) + 1) * 10)];
        // The postings by letter, in a rented buffer: a merge cuts terms of up to a million postings,
        // one after another, and a new array each would churn the large object heap.
        var rented = System.Buffers.ArrayPool<long>.Shared.Rent(keys.Length);
        try
        {
            var byId = rented.AsSpan(0, keys.Length);
            for (var i = 0; i < keys.Length; i++) byId[i] = (LetterOf(keys[i]) << 8) | ImpactOf(keys[i]);
            PostingSort.Ascending(byId);
            return CutById(byId, blockSize, emit, directory);
        }
        finally
        {
            System.Buffers.ArrayPool<long>.Shared.Return(rented);
        }
    }

    private static byte[] CutById(Span<long> byId, int blockSize, Action<long, byte[]> emit, byte[] directory)
    {
        var d = 0;
        WriteVarint(directory, ref d, (ulong)((byId.Length + blockSize - 1) / blockSize));
        var lastOfPrevious = 0L;
        var buffer = new byte[20 + (Math.Min(blockSize, byId.Length) * 11)];
        for (var at = 0; at < byId.Length; at += blockSize)
        {
            var count = Math.Min(blockSize, byId.Length - at);
            var n = 0;
            WriteVarint(buffer, ref n, (ulong)count);
            var previous = byId[at] >> 8;
            WriteVarint(buffer, ref n, (ulong)previous);
            for (var j = at + 1; j < at + count; j++)
            {
                var id = byId[j] >> 8;
                WriteVarint(buffer, ref n, (ulong)(id - previous));
                previous = id;
            }
            for (var j = at; j < at + count; j++) buffer[n++] = (byte)byId[j];
            emit(previous, buffer.AsSpan(0, n).ToArray());
            WriteVarint(directory, ref d, (ulong)(previous - lastOfPrevious));
            lastOfPrevious = previous;
        }
        return directory.AsSpan(0, d).ToArray();
    }

    /// <summary>The last letter ids of a term's lookup blocks, ascending, from its directory.</summary>
    public static long[] DecodeDirectory(byte[] blob)
    {
        var at = 0;
        var lasts = new long[(int)ReadVarint(blob, ref at)];
        var last = 0L;
        for (var i = 0; i < lasts.Length; i++) lasts[i] = last += (long)ReadVarint(blob, ref at);
        return lasts;
    }

    /// <summary>Decodes a lookup block into <paramref name="ids"/> (ascending) and <paramref name="impacts"/>
    /// (new arrays of its count).</summary>
    public static (long[] Ids, byte[] Impacts) DecodeLookup(byte[] blob)
    {
        var at = 0;
        var count = (int)ReadVarint(blob, ref at);
        var ids = new long[count];
        var impacts = new byte[count];
        if (count == 0) return (ids, impacts);
        ids[0] = (long)ReadVarint(blob, ref at);
        for (var j = 1; j < count; j++) ids[j] = ids[j - 1] + (long)ReadVarint(blob, ref at);
        Array.Copy(blob, at, impacts, 0, count);
        return (ids, impacts);
    }

    internal static void WriteVarint(byte[] buffer, ref int n, ulong value)
    {
        while (value >= 0x80)
        {
            buffer[n++] = (byte)(value | 0x80);
            value >>= 7;
        }
        buffer[n++] = (byte)value;
    }

    internal static ulong ReadVarint(byte[] blob, ref int at)
    {
        ulong value = 0;
        var shift = 0;
        byte b;
        do
        {
            b = blob[at++];
            value |= (ulong)(b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        return value;
    }
}

/// <summary>Terms in code point order, the order of UTF-8 bytes: SQLite's BINARY collation and
/// PostgreSQL's "C", which the postings table uses, so a merge can walk segments' terms side by side.</summary>
public sealed class TermOrder : IComparer<string>
{
    public static readonly TermOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null) return string.CompareOrdinal(x, y);
        var n = Math.Min(x.Length, y.Length);
        for (var i = 0; i < n; i++)
        {
            if (x[i] != y[i]) return CodePointOrder(x[i]) - CodePointOrder(y[i]);
        }
        return x.Length - y.Length;
    }

    // UTF-16 code units in code point order: surrogates (supplementary planes) after U+E000..U+FFFF.
    private static int CodePointOrder(char c) => c >= 0xE000 ? c - 0x800 : c >= 0xD800 ? c + 0x2000 : c;
}
