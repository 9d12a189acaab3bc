namespace Imr.Archive.Search.Impact;

/// <summary>
/// The facets of a letter: what the common filters of a search ask of it, as keys the impact index
/// keeps a letter set of per segment (<c>impact_facets</c>), so that a search checks its filters in
/// memory instead of asking the database about every letter it would return. A letter has the facet
/// <c>decision=D</c> when one of its items was decided D, <c>category=C</c> when one of its items is
/// of category C, and <c>decision=D;category=C</c> when one and the same item is both (the filters
/// hold for one item).
/// </summary>
public static class Facets
{
    public static string Decision(string decision) => "decision=" + decision;

    public static string Category(string category) => "category=" + category;

    public static string Both(string decision, string category) => Decision(decision) + ";" + Category(category);

    /// <summary>The facet a search's decision and category filters ask for (null when it has neither).</summary>
    public static string? Of(string? decision, string? category) =>
        (decision, category) switch
        {
            (null, null) => null,
            ({ } d, null) => Decision(d),
            (null, { } c) => Category(c),
            ({ } d, { } c) => Both(d, c),
        };

    /// <summary>The distinct facets of a letter whose items are (decision, category).</summary>
    public static IReadOnlyList<string> OfItems(IEnumerable<(string Decision, string Category)> items)
    {
        var facets = new List<string>();
        foreach (var (decision, category) in items)
        {
            foreach (var facet in new[] { Decision(decision), Category(category), Both(decision, category) })
            {
                if (!facets.Contains(facet)) facets.Add(facet);
            }
        }
        return facets;
    }
}

/// <summary>One stored facet of a segment (a row of <c>impact_facets</c>): its letters, encoded by
/// <see cref="LetterSets"/>.</summary>
public sealed record FacetRow(string Facet, byte[] Letters);

/// <summary>
/// A set of letter ids stored as one blob (written by hand: a few lines, and neither engine keeps a
/// bitmap type): whichever is smaller of a list (the count, then the ids as varint deltas) and a
/// bitmap (the lowest id and the span, then a bit per id from the lowest on). A facet most letters
/// of a segment hold is a bitmap of an eighth of a byte a letter; a rare one, a few bytes a letter
/// it holds.
/// </summary>
public static class LetterSets
{
    private const byte List = 0;
    private const byte Bitmap = 1;

    /// <summary>The blob of the letters <paramref name="ids"/> (ascending, distinct).</summary>
    public static byte[] Encode(ReadOnlySpan<long> ids)
    {
        if (ids.IsEmpty) return [List, 0];
        var span = ids[^1] - ids[0] + 1;
        long listBytes = 0;
        var previous = 0L;
        foreach (var id in ids)
        {
            listBytes += VarintSize((ulong)(id - previous));
            previous = id;
        }
        var buffer = new byte[1 + 20 + Math.Min(listBytes, (span + 7) / 8)];
        var n = 0;
        if (listBytes <= (span + 7) / 8)
        {
            buffer[n++] = List;
            PostingBlocks.WriteVarint(buffer, ref n, (ulong)ids.Length);
            previous = 0;
            foreach (var id in ids)
            {
                PostingBlocks.WriteVarint(buffer, ref n, (ulong)(id - previous));
                previous = id;
            }
        }
        else
        {
            buffer[n++] = Bitmap;
            PostingBlocks.WriteVarint(buffer, ref n, (ulong)ids[0]);
            PostingBlocks.WriteVarint(buffer, ref n, (ulong)span);
            var start = n;
            foreach (var id in ids)
            {
                var bit = id - ids[0];
                buffer[start + (int)(bit >> 3)] |= (byte)(1 << (int)(bit & 7));
            }
            n = start + (int)((span + 7) / 8);
        }
        return buffer[..n];
    }

    /// <summary>The letters of a blob, ascending.</summary>
    public static long[] Decode(byte[] blob)
    {
        var set = LetterSet.Of(blob);
        return set.Ids();
    }

    private static int VarintSize(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }
        return size;
    }

    /// <summary>A decoded set, for membership tests: a sorted array or a bitmap, as it was stored.</summary>
    public sealed class LetterSet
    {
        private readonly long[]? _ids;
        private readonly byte[]? _blob;
        private readonly int _bits;
        private readonly long _first;
        private readonly long _span;

        private LetterSet(long[]? ids, byte[]? blob, int bits, long first, long span)
        {
            _ids = ids;
            _blob = blob;
            _bits = bits;
            _first = first;
            _span = span;
        }

        public static LetterSet Of(byte[] blob)
        {
            if (blob.Length == 0) throw new InvalidDataException("An empty letter set blob.");
            var at = 1;
            switch (blob[0])
            {
                case List:
                {
                    var count = (int)PostingBlocks.ReadVarint(blob, ref at);
                    var ids = new long[count];
                    var previous = 0L;
                    for (var i = 0; i < count; i++) ids[i] = previous += (long)PostingBlocks.ReadVarint(blob, ref at);
                    return new LetterSet(ids, null, 0, 0, 0);
                }
                case Bitmap:
                {
                    var first = (long)PostingBlocks.ReadVarint(blob, ref at);
                    var span = (long)PostingBlocks.ReadVarint(blob, ref at);
                    if (blob.Length - at < (span + 7) / 8) throw new InvalidDataException("A letter set bitmap shorter than its span.");
                    return new LetterSet(null, blob, at, first, span);
                }
                default:
                    throw new InvalidDataException($"A letter set blob of unknown kind {blob[0]}.");
            }
        }

        /// <summary>About what the set takes in memory.</summary>
        public long Bytes => _ids is not null ? _ids.LongLength * sizeof(long) : _blob!.LongLength;

        public bool Contains(long id)
        {
            if (_ids is not null) return Array.BinarySearch(_ids, id) >= 0;
            var bit = id - _first;
            return bit >= 0 && bit < _span && (_blob![_bits + (int)(bit >> 3)] & (1 << (int)(bit & 7))) != 0;
        }

        /// <summary>The letters, ascending.</summary>
        public long[] Ids()
        {
            if (_ids is not null) return _ids;
            var ids = new List<long>();
            for (long bit = 0; bit < _span; bit++)
            {
                if ((_blob![_bits + (int)(bit >> 3)] & (1 << (int)(bit & 7))) != 0) ids.Add(_first + bit);
            }
            return [.. ids];
        }
    }
}
