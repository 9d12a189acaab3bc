using Dapper;
using Imr.Archive.Search.Impact;
using Imr.Archive.Storage;
using Microsoft.Data.Sqlite;

namespace Imr.Tests.Archive;

/// <summary>The impact index's parts on their own: the stemmer, the tokenizer, the blocks.</summary>
public sealed class ImpactIndexUnitTests
{
    // Porter's examples (the 1980 paper's and the reference implementation's vocabulary), each
    // stem checked against SQLite FTS5's porter tokenizer.
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("ties", "ti")]
    [InlineData("caress", "caress")]
    [InlineData("cats", "cat")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("bled", "bled")]
    [InlineData("motoring", "motor")]
    [InlineData("sing", "sing")]
    [InlineData("conflated", "conflat")]
    [InlineData("troubled", "troubl")]
    [InlineData("sized", "size")]
    [InlineData("hopping", "hop")]
    [InlineData("tanned", "tan")]
    [InlineData("falling", "fall")]
    [InlineData("hissing", "hiss")]
    [InlineData("fizzed", "fizz")]
    [InlineData("failing", "fail")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("sky", "sky")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("rational", "ration")]
    [InlineData("generalization", "gener")]
    [InlineData("generalizations", "gener")]
    [InlineData("oscillators", "oscil")]
    [InlineData("hopefulness", "hope")]
    [InlineData("sensibility", "sensibl")]
    [InlineData("formality", "formal")]
    [InlineData("electrical", "electr")]
    [InlineData("adjustment", "adjust")]
    [InlineData("dependent", "depend")]
    [InlineData("adoption", "adopt")]
    [InlineData("controlling", "control")]
    [InlineData("rolling", "roll")]
    [InlineData("triplicate", "triplic")]
    [InlineData("revival", "reviv")]
    [InlineData("allowance", "allow")]
    [InlineData("inference", "infer")]
    [InlineData("airliner", "airlin")]
    [InlineData("gyroscopic", "gyroscop")]
    [InlineData("defensible", "defens")]
    [InlineData("irritant", "irrit")]
    [InlineData("replacement", "replac")]
    [InlineData("homologous", "homolog")]
    [InlineData("communism", "commun")]
    [InlineData("activate", "activ")]
    [InlineData("angularity", "angular")]
    [InlineData("effective", "effect")]
    [InlineData("bowdlerize", "bowdler")]
    [InlineData("probate", "probat")]
    [InlineData("rate", "rate")]
    [InlineData("cease", "ceas")]
    public void Porter_stems_as_the_published_examples(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    [Fact]
    public void Short_and_long_words_pass_through()
    {
        Assert.Equal("is", PorterStemmer.Stem("is"));
        var longWord = new string('s', 70);
        Assert.Equal(longWord, PorterStemmer.Stem(longWord));
    }

    [Fact]
    public void Tokenizer_lowercases_folds_diacritics_splits_on_non_letters_and_stems()
    {
        Assert.Equal(["elan", "mri", "s", "x", "rai", "2017", "naiv", "cafe"], Tokenizer.Stems("Élan MRI's, x-ray 2017: naïve café!"));
        Assert.Empty(Tokenizer.Stems(" -- !!! ... "));
    }

    [Fact]
    public async Task Stems_equal_those_of_FTS5_porter_over_the_corpus_text()
    {
        SQLitePCL.Batteries_V2.Init();
        var texts = (await CorpusLetters.ReadAsync()).SelectMany(l => l.Determination.Items.SelectMany(i => new[] { i.Treatment, i.Rationale }).Append(l.Determination.CaseSummary)).ToList();
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await connection.ExecuteAsync("CREATE VIRTUAL TABLE f USING fts5 (x, tokenize = 'porter unicode61'); CREATE VIRTUAL TABLE v USING fts5vocab (f, 'row');");
        foreach (var text in texts) await connection.ExecuteAsync("INSERT INTO f (x) VALUES (@text)", new { text });
        var fts5 = (await connection.QueryAsync<string>("SELECT term FROM v")).ToHashSet(StringComparer.Ordinal);
        var ours = texts.SelectMany(Tokenizer.Stems).ToHashSet(StringComparer.Ordinal);

        Assert.True(fts5.Count > 1000);
        Assert.Empty(ours.Except(fts5).Order(StringComparer.Ordinal).Take(20));
        Assert.Empty(fts5.Except(ours).Order(StringComparer.Ordinal).Take(20));
    }

    [Fact]
    public void Blocks_keep_postings_in_impact_order_and_decode_to_them()
    {
        var random = new Random(5);
        var keys = Enumerable.Range(0, 1000).Select(i => PostingBlocks.Key(1_000_000 + (i * 7) + random.Next(7), (byte)random.Next(1, 256))).ToArray();
        Array.Sort(keys);
        var blocks = new List<(int Block, int Top, byte[] Blob)>();
        PostingBlocks.Cut(keys, 64, (block, top, blob) => blocks.Add((block, top, blob)));

        Assert.Equal([64, 128, 256, 512, 40], blocks.Select(b => Decode(b.Blob).Length));
        var decoded = blocks.SelectMany(b => Decode(b.Blob)).ToArray();
        Assert.Equal(keys, decoded);
        Assert.All(blocks, b => Assert.Equal(PostingBlocks.ImpactOf(Decode(b.Blob)[0]), b.Top));
    }

    [Theory]
    [InlineData(10, 1_000L, 1)] // short: the runtime's sort
    [InlineData(300, 400L, 2)] // few letters, many equal impacts
    [InlineData(5_000, 1_000_000L, 3)] // one radix pass per 11 bits
    [InlineData(70_000, 3_000_000L, 4)]
    [InlineData(2_000, 1L << 46, 5)] // a range too wide for the radix sort
    public void Postings_sort_by_impact_and_by_letter_as_a_comparison_sort_would(int count, long idRange, int seed)
    {
        var random = new Random(seed);
        var ids = new HashSet<long>();
        while (ids.Count < count) ids.Add(5 + random.NextInt64(idRange));
        var keys = ids.Select(id => PostingBlocks.Key(id, (byte)random.Next(1, 256))).ToArray();
        var byImpact = keys.ToArray();
        PostingSort.ByImpact(byImpact);
        Assert.Equal(keys.Order(), byImpact);

        var byLetter = keys.Select(k => (PostingBlocks.LetterOf(k) << 8) | PostingBlocks.ImpactOf(k)).ToArray();
        var expected = byLetter.Order().ToArray();
        PostingSort.Ascending(byLetter);
        Assert.Equal(expected, byLetter);
    }

    [Fact]
    public void Lookup_blocks_hold_postings_in_letter_order_keyed_by_their_last_id()
    {
        var random = new Random(6);
        var ids = Enumerable.Range(0, 300).Select(i => 5_000_000_000L + (i * 13) + random.Next(13)).ToArray();
        var impacts = ids.ToDictionary(id => id, _ => (byte)random.Next(1, 256));
        var keys = ids.Select(id => PostingBlocks.Key(id, impacts[id])).ToArray();
        Array.Sort(keys); // impact order, as a segment holds them
        var blocks = new List<(long Last, long[] Ids, byte[] Impacts)>();
        var directory = PostingBlocks.CutLookup(keys, 128, (last, blob) =>
        {
            var (blockIds, blockImpacts) = PostingBlocks.DecodeLookup(blob);
            blocks.Add((last, blockIds, blockImpacts));
        });

        Assert.Equal([128, 128, 44], blocks.Select(b => b.Ids.Length));
        Assert.Equal(ids, blocks.SelectMany(b => b.Ids));
        Assert.All(blocks, b => Assert.Equal(b.Ids[^1], b.Last));
        Assert.All(blocks, b => Assert.Equal(b.Ids.Select(id => impacts[id]), b.Impacts));
        Assert.Equal(blocks.Select(b => b.Last), PostingBlocks.DecodeDirectory(directory));

        // A term with more postings than the block count allows: fewer, larger blocks.
        blocks.Clear();
        directory = PostingBlocks.CutLookup(keys, 16, (last, blob) =>
        {
            var (blockIds, blockImpacts) = PostingBlocks.DecodeLookup(blob);
            blocks.Add((last, blockIds, blockImpacts));
        }, maxBlocks: 4);
        Assert.Equal([75, 75, 75, 75], blocks.Select(b => b.Ids.Length));
        Assert.Equal(ids, blocks.SelectMany(b => b.Ids));
        Assert.Equal(blocks.Select(b => b.Last), PostingBlocks.DecodeDirectory(directory));
    }

    [Theory]
    [InlineData(1, 1, 0)] // one posting
    [InlineData(1000, 7, 1)] // spread evenly, as letters are
    [InlineData(1000, 1, 2)] // every id of a range
    [InlineData(1500, 0, 3)] // bunched: half the postings in the first tenth of the range
    [InlineData(300, 1_000_000, 4)] // far apart
    public void A_decoded_lookup_block_finds_each_letter_as_a_search_through_its_postings_would(int count, int gap, int seed)
    {
        var random = new Random(seed);
        var ids = new SortedSet<long>();
        var next = 7_000_000_000L + random.Next(100);
        while (ids.Count < count)
        {
            ids.Add(next);
            next += gap == 0 ? (ids.Count < count / 2 ? 1 + random.Next(2) : 1 + random.Next(60)) : 1 + random.Next(Math.Max(1, gap));
        }
        var impacts = ids.ToDictionary(id => id, _ => (byte)random.Next(1, 256));
        var keys = ids.Select(id => PostingBlocks.Key(id, impacts[id])).ToArray();
        Array.Sort(keys);
        var blobs = new List<byte[]>();
        PostingBlocks.CutLookup(keys, count, (_, blob) => blobs.Add(blob));
        var block = LookupBlock.Decode(Assert.Single(blobs));
        Assert.Equal(count, block.Count);
        Assert.Equal(block.Count, LookupBlock.Of(ids.ToArray(), ids.Select(id => impacts[id]).ToArray()).Count);

        // Rounds of letters asked in ascending order (held or not, before, within and after the
        // block's range), each walk starting where the one before stopped.
        var first = ids.Min;
        var last = ids.Max;
        for (var round = 0; round < 50; round++)
        {
            var asked = Enumerable.Range(0, 1 + random.Next(40))
                .Select(_ => random.Next(3) == 0 ? ids.ElementAt(random.Next(count)) : first - 5 + (long)(random.NextDouble() * (last - first + 10)))
                .Distinct().Order().ToList();
            var from = 0;
            foreach (var id in asked) Assert.Equal(impacts.GetValueOrDefault(id), block.ImpactOf(id, ref from));
        }
    }

    [Fact]
    public void The_block_cache_forgets_all_once_a_segment_it_knew_is_merged_away_or_seen_changed()
    {
        using var cache = new BlockCache(1 << 20);
        var key = new BlockKey(1, "lumbar", BlockKind.Lookup, 40);
        cache.Admit([new SegmentInfo(1, 40, 1, 40), new SegmentInfo(2, 10, 41, 50)]);
        cache.Set(key, new byte[] { 1, 2, 3 }, 3);
        Assert.True(cache.TryGet<byte[]>(key, out var kept));
        Assert.Equal([1, 2, 3], kept);
        Assert.False(cache.TryGet<LookupBlock>(key, out _)); // kept as another kind

        cache.Admit([new SegmentInfo(1, 40, 1, 40), new SegmentInfo(2, 10, 41, 50), new SegmentInfo(3, 10, 51, 60)]); // one more: kept
        Assert.True(cache.TryGet<byte[]>(key, out _));
        cache.Admit([new SegmentInfo(1, 40, 1, 40), new SegmentInfo(4, 20, 41, 60)]); // 2 and 3 merged into 4: all forgotten
        Assert.False(cache.TryGet<byte[]>(key, out _));

        cache.Set(key, new byte[] { 4 }, 1);
        cache.Admit([new SegmentInfo(1, 39, 1, 40), new SegmentInfo(4, 20, 41, 60)]); // segment 1 with another shape
        Assert.False(cache.TryGet<byte[]>(key, out _));
        Assert.Equal((2L, 3L), cache.Counts);

        using var none = new BlockCache(0);
        none.Set(key, new byte[] { 1 }, 1);
        Assert.False(none.TryGet<byte[]>(key, out _));
    }

    [Fact]
    public void The_block_cache_holds_no_more_than_its_size()
    {
        using var cache = new BlockCache(100_000);
        for (var n = 0; n < 1000; n++) cache.Set(new BlockKey(1, "term", BlockKind.Block, n), new byte[1000], 1000);
        var held = Enumerable.Range(0, 1000).Count(n => cache.TryGet<byte[]>(new BlockKey(1, "term", BlockKind.Block, n), out _));
        Assert.InRange(held, 1, 100_000 / 1000);
    }

    [Theory]
    [InlineData(64, 0)] // all in the first block: looked up there, no lookup rows
    [InlineData(65, 1)]
    [InlineData(300, 3)]
    public void A_term_gets_lookup_rows_and_a_directory_only_when_its_postings_pass_the_first_block(int df, int lookupBlocks)
    {
        var keys = Enumerable.Range(0, df).Select(i => PostingBlocks.Key(10 + (i * 3), (byte)(1 + (i % 200)))).ToArray();
        Array.Sort(keys);
        var rows = new List<PostingRow>();
        var lookups = new List<LookupRow>();
        PostingBlocks.CutTerm("term", keys, new ImpactOptions(FirstBlockSize: 64, LookupBlockSize: 128), rows, lookups);

        Assert.Equal(lookupBlocks, lookups.Count);
        Assert.Equal(lookupBlocks > 0, rows[0].Directory is not null);
        Assert.All(rows.Skip(1), r => Assert.Null(r.Directory));
        Assert.All(rows, r => Assert.Equal(df, r.Df));
        Assert.Equal(keys, rows.SelectMany(r => Decode(r.Postings)));
    }

    [Fact]
    public async Task Terms_counted_ahead_build_the_same_segment_as_the_letters_text()
    {
        var letters = (await CorpusLetters.ReadAsync()).Take(40).Select((l, i) =>
        {
            var record = LetterRecord.From(l.Source, l.Determination);
            var (treatments, rationales) = record.ItemTexts();
            return (Text: new IndexedLetter(i + 1, l.Determination.CaseSummary, treatments, rationales), Counted: new IndexedLetter(i + 1, "", "", "", record.WithTerms().Terms));
        }).ToList();

        var fromText = new SegmentBuilder(4, 3).Build(letters.Select(l => l.Text).ToList());
        var fromTerms = new SegmentBuilder(4, 3).Build(letters.Select(l => l.Counted).ToList());

        Assert.Equal(fromText.AverageLength, fromTerms.AverageLength);
        Assert.Equal(fromText.Rows.Count, fromTerms.Rows.Count);
        Assert.All(fromText.Rows.Zip(fromTerms.Rows), p =>
        {
            Assert.Equal((p.First.Term, p.First.Block, p.First.Df, p.First.TopImpact), (p.Second.Term, p.Second.Block, p.Second.Df, p.Second.TopImpact));
            Assert.Equal(p.First.Postings, p.Second.Postings);
            Assert.Equal(p.First.Directory, p.Second.Directory);
        });
        Assert.Equal(fromText.Lookups.Select(l => (l.Term, l.LastId, Convert.ToHexString(l.Postings))), fromTerms.Lookups.Select(l => (l.Term, l.LastId, Convert.ToHexString(l.Postings))));
    }

    [Theory]
    [InlineData(1000, 2)] // most letters of the span: a bitmap
    [InlineData(1000, 97)] // few: a list
    public void Letter_sets_keep_their_letters_as_a_bitmap_or_a_list_whichever_is_smaller(int letters, int every)
    {
        var ids = Enumerable.Range(0, letters).Select(i => 5_000_000L + (i * (long)every)).ToArray();
        var blob = LetterSets.Encode(ids);
        Assert.Equal(ids, LetterSets.Decode(blob));
        var span = ids[^1] - ids[0] + 1;
        Assert.True(blob.Length <= (span / 8) + 12, $"{blob.Length} bytes for a span of {span}");
        Assert.True(blob.Length <= (letters * 3) + 12, $"{blob.Length} bytes for {letters} letters");
        var set = LetterSets.LetterSet.Of(blob);
        for (var id = ids[0] - 3; id <= ids[^1] + 3; id++) Assert.Equal(Array.BinarySearch(ids, id) >= 0, set.Contains(id));
        Assert.Empty(LetterSets.Decode(LetterSets.Encode([])));
    }

    [Fact]
    public void A_letter_has_the_facets_of_its_items_each_once()
    {
        var facets = Facets.OfItems([("Upheld", "opioids"), ("Overturned", "opioids"), ("Upheld", "opioids")]);
        Assert.Equal(["decision=Upheld", "category=opioids", "decision=Upheld;category=opioids", "decision=Overturned", "decision=Overturned;category=opioids"], facets);
        Assert.Equal(Facets.Both("Upheld", "opioids"), Facets.Of("Upheld", "opioids"));
        Assert.Null(Facets.Of(null, null));
    }

    [Fact]
    public void Term_order_is_the_order_of_utf8_bytes()
    {
        string[] terms = ["b", "a", "\uFB01x", "\U0001D400", "ab", "é"];
        var sorted = terms.Order(TermOrder.Instance).ToList();
        var bytes = terms.OrderBy(t => System.Text.Encoding.UTF8.GetBytes(t), Comparer<byte[]>.Create((x, y) => x.AsSpan().SequenceCompareTo(y))).ToList();
        Assert.Equal(bytes, sorted);
    }

    [Fact]
    public void Impacts_rise_with_the_weighted_frequency_and_fall_with_the_length()
    {
        Assert.True(ImpactScoring.Impact(4, 100, 100) > ImpactScoring.Impact(1, 100, 100));
        Assert.True(ImpactScoring.Impact(1, 50, 100) > ImpactScoring.Impact(1, 200, 100));
        Assert.InRange(ImpactScoring.Impact(0.5, 10_000, 10), 1, 255);
        Assert.Equal(255, ImpactScoring.Impact(1e9, 1, 100));
    }

    private static long[] Decode(byte[] blob)
    {
        long[] ids = [];
        byte[] impacts = [];
        var count = PostingBlocks.Decode(blob, ref ids, ref impacts);
        return Enumerable.Range(0, count).Select(i => PostingBlocks.Key(ids[i], impacts[i])).ToArray();
    }
    [Theory]
    [InlineData("Physical therapies, twice a week.", "physical therapy", true)] // stems, case and punctuation
    [InlineData("Therapy, physical and occupational.", "physical therapy", false)] // order
    [InlineData("physical and therapy", "physical therapy", false)] // a word between
    [InlineData("low back pain pain", "pain pain", true)] // a repeated word
    [InlineData("pain then pain", "pain pain", false)]
    [InlineData("Epidural at L5-S1 was denied.", "L5 S1", true)]
    [InlineData("medial medial branch block", "medial branch block", true)] // a false start
    public void A_phrase_is_held_where_its_stems_stand_in_a_row(string text, string phrase, bool held)
    {
        var phrases = Phrases.Of([phrase]);
        Assert.NotNull(phrases);
        Assert.Equal(held, phrases.HeldBy([text]));
    }

    [Fact]
    public void Every_phrase_must_be_held_each_within_one_text()
    {
        var phrases = Phrases.Of(["knee brace", "physical therapy", "word"])!;
        Assert.Equal(2, phrases.Count);
        Assert.True(phrases.HeldBy(["A knee brace.", null, "", "Physical therapy."]));
        Assert.False(phrases.HeldBy(["A knee brace."]));
        Assert.False(phrases.HeldBy(["The knee", "brace and physical therapy"])); // not across two texts
        Assert.Null(Phrases.Of(["knee", "brace"]));
    }
}
