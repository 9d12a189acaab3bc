using System.Buffers;
using System.Numerics;

namespace Imr.Archive.Search.Impact;

/// <summary>
/// Sorts of a term's postings, by impact (<see cref="PostingBlocks.Key"/>) and by letter, in linear
/// time: a least-significant-digit radix sort over the bits in which the postings differ. A merge
/// sorts every posting of the merged segments twice (at a million letters terms of up to a million
/// postings, and most of the merge's time went to comparison sorts). The runtime has no radix sort,
/// hence this one; short spans and wide ranges take the runtime's sort.
/// </summary>
public static class PostingSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;

    /// <summary>Spans shorter than this take the runtime's sort (the radix sort's counts cost more).</summary>
    public const int RadixFrom = 256;

    /// <summary>Sorts <see cref="PostingBlocks.Key"/>s ascending: by impact descending, then letter id.</summary>
    public static void ByImpact(Span<long> keys)
    {
        if (keys.Length < RadixFrom)
        {
            keys.Sort();
            return;
        }
        var (minId, maxId) = (long.MaxValue, long.MinValue);
        foreach (var key in keys)
        {
            var id = PostingBlocks.LetterOf(key);
            if (id < minId) minId = id;
            if (id > maxId) maxId = id;
        }
        var idBits = 64 - BitOperations.LeadingZeroCount((ulong)(maxId - minId));
        if (idBits + 8 > 44)
        {
            keys.Sort();
            return;
        }
        // The key with its letter id made relative to the smallest: the same order in fewer bits.
        for (var i = 0; i < keys.Length; i++)
            keys[i] = ((keys[i] >> 48) << idBits) | (PostingBlocks.LetterOf(keys[i]) - minId);
        Radix(keys, idBits + 8);
        var mask = (1L << idBits) - 1;
        for (var i = 0; i < keys.Length; i++) keys[i] = ((keys[i] >> idBits) << 48) | ((keys[i] & mask) + minId);
    }

    /// <summary>Sorts non-negative values ascending (a letter id shifted left, a byte beside it, say).</summary>
    public static void Ascending(Span<long> values)
    {
        if (values.Length < RadixFrom)
        {
            values.Sort();
            return;
        }
        var (min, max) = (long.MaxValue, long.MinValue);
        foreach (var value in values)
        {
            if (value < min) min = value;
            if (value > max) max = value;
        }
        var bits = 64 - BitOperations.LeadingZeroCount((ulong)(max - min));
        if (bits > 44 || min < 0)
        {
            values.Sort();
            return;
        }
        for (var i = 0; i < values.Length; i++) values[i] -= min;
        Radix(values, bits);
        for (var i = 0; i < values.Length; i++) values[i] += min;
    }

    /// <summary>LSD radix sort of non-negative values below 2^<paramref name="bits"/>, a digit a pass,
    /// through a rented buffer of the same length.</summary>
    private static void Radix(Span<long> values, int bits)
    {
        var passes = (bits + DigitBits - 1) / DigitBits;
        if (passes == 0) return;
        var rented = ArrayPool<long>.Shared.Rent(values.Length);
        var counts = ArrayPool<int>.Shared.Rent(Buckets);
        try
        {
            var from = values;
            var to = rented.AsSpan(0, values.Length);
            for (var pass = 0; pass < passes; pass++)
            {
                var shift = pass * DigitBits;
                Array.Clear(counts, 0, Buckets);
                foreach (var value in from) counts[(int)(value >> shift) & (Buckets - 1)]++;
                var total = 0;
                for (var b = 0; b < Buckets; b++)
                {
                    var count = counts[b];
                    counts[b] = total;
                    total += count;
                }
                foreach (var value in from) to[counts[(int)(value >> shift) & (Buckets - 1)]++] = value;
                var swap = from;
                from = to;
                to = swap;
            }
            if (passes % 2 == 1) from.CopyTo(values);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(rented);
            ArrayPool<int>.Shared.Return(counts);
        }
    }
}
