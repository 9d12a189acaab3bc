namespace Imr.Archive.Search.Impact;

/// <summary>
/// A block of a term's letter-ordered list (see <see cref="PostingBlocks.CutLookup"/>), decoded once
/// for the searches that look letters up in it: its letter ids as offsets from the first (four bytes
/// each, not eight) beside their impacts. Immutable, so the <see cref="BlockCache"/> shares it
/// between searches.
/// </summary>
public sealed class LookupBlock
{
    private readonly long _first;
    private readonly int[] _offsets;
    private readonly byte[] _impacts;

    private LookupBlock(long first, int[] offsets, byte[] impacts)
    {
        _first = first;
        _offsets = offsets;
        _impacts = impacts;
    }

    /// <summary>Postings in the block.</summary>
    public int Count => _offsets.Length;

    /// <summary>About what the block takes in memory.</summary>
    public long Bytes => (_offsets.LongLength * 5) + 48;

    /// <summary>The block as stored: its count, its ids as varint deltas from the first, then an impact byte each.</summary>
    public static LookupBlock Decode(byte[] blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var at = 0;
        var count = (int)PostingBlocks.ReadVarint(blob, ref at);
        if (count <= 0 || blob.Length - count < at) throw new InvalidDataException("A lookup block empty or shorter than its count.");
        var offsets = new int[count];
        var first = (long)PostingBlocks.ReadVarint(blob, ref at);
        long offset = 0;
        for (var j = 1; j < count; j++)
        {
            offset += (long)PostingBlocks.ReadVarint(blob, ref at);
            offsets[j] = offset <= int.MaxValue ? (int)offset : throw new InvalidDataException("A lookup block spanning more than 2^31 letter ids.");
        }
        return new LookupBlock(first, offsets, blob.AsSpan(blob.Length - count).ToArray());
    }

    /// <summary>A block of postings given in ascending letter order.</summary>
    public static LookupBlock Of(ReadOnlySpan<long> ids, ReadOnlySpan<byte> impacts)
    {
        if (ids.Length == 0 || ids.Length != impacts.Length) throw new ArgumentException("A lookup block needs as many impacts as ids, at least one.", nameof(ids));
        var offsets = new int[ids.Length];
        for (var j = 0; j < ids.Length; j++)
        {
            var offset = ids[j] - ids[0];
            offsets[j] = offset is >= 0 and <= int.MaxValue ? (int)offset : throw new ArgumentException("Letter ids out of order or spanning more than 2^31.", nameof(ids));
        }
        return new LookupBlock(ids[0], offsets, impacts.ToArray());
    }

    /// <summary>
    /// The letter's impact in the block, 0 if it does not hold the term. <paramref name="from"/> is a
    /// position at or before the letter's: letters asked in ascending order each start where the one
    /// before stopped, so one walk through the block answers them all.
    /// </summary>
    public byte ImpactOf(long id, ref int from)
    {
        var target = id - _first;
        if (target < 0) return 0;
        if (target > int.MaxValue)
        {
            from = _offsets.Length;
            return 0;
        }
        // The block's letters are spread about evenly over its range, so the position in proportion
        // to the offset lands near the letter's (a cache line or two off): gallop from there, then
        // search the bracket. A plain binary search would touch ten scattered cache lines instead.
        var count = _offsets.Length;
        if (from >= count) return 0;
        long span = _offsets[count - 1];
        var guess = span == 0 ? 0 : (int)(target * (count - 1) / span);
        if (guess < from) guess = from;
        if (guess >= count) guess = count - 1;
        int low, high;
        if (_offsets[guess] < target)
        {
            // Forward: the first position at or above the target is after guess.
            var step = 1;
            low = guess + 1;
            while (low + step - 1 < count && _offsets[low + step - 1] < target)
            {
                low += step;
                step <<= 1;
            }
            high = Math.Min(low + step - 1, count);
        }
        else
        {
            // Backward: it is at guess or before, not before from.
            var step = 1;
            high = guess;
            while (high - step >= from && _offsets[high - step] >= target)
            {
                high -= step;
                step <<= 1;
            }
            low = Math.Max(high - step + 1, from);
        }
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (_offsets[middle] < target) low = middle + 1;
            else high = middle;
        }
        from = low;
        return low < _offsets.Length && _offsets[low] == target ? _impacts[low] : (byte)0;
    }
}
