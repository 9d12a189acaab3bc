using Dapper;
using Imr.Archive.Search;
using Imr.Archive.Search.Impact;
using Imr.Archive.Storage;
using Imr.Letters.Model;
using Imr.Letters.Synthetic;

namespace Imr.Tests.Archive;

/// <summary>The impact index on each engine: its answers equal those of scoring every current letter
/// with the same formula, whatever the segments, merges, versions and filters.</summary>
public abstract partial class ArchiveContractTests
{
    [Fact]
    public async Task Impact_index_answers_exactly_as_scoring_every_letter_would()
    {
        await using var archive = await OpenAsync();
        var sql = (SqlArchive)archive;
        sql.ImpactOptions = new ImpactOptions(MergeFanOut: 3, FirstBlockSize: 4, LookupBlockSize: 3, LookupBlocks: 8);
        var random = new Random(4610);
        var stored = await StoreSyntheticAsync(sql, random, letters: 300);

        var words = stored.Records.Values.SelectMany(v => v).SelectMany(r => r.Determination.Items.Select(i => i.Treatment).Append(r.Determination.CaseSummary))
            .SelectMany(t => System.Text.RegularExpressions.Regex.Matches(t, @"\p{L}{3,}").Select(m => m.Value)).Distinct().ToList();
        var categories = stored.Records.Values.SelectMany(v => v).SelectMany(r => r.Items.Select(i => i.Category)).Distinct().ToList();
        Assert.True(await CountAsync(sql, "SELECT COUNT(*) FROM impact_segments WHERE level > 0") > 0, "no merge happened");
        for (var q = 0; q < 60; q++)
        {
            var text = string.Join(' ', Enumerable.Range(0, 1 + (q % 3)).Select(_ => words[random.Next(words.Count)]));
            var query = (q % 5) switch
            {
                0 => new SearchQuery(text),
                1 => new SearchQuery(text) { Decision = random.Next(2) == 0 ? Decision.Upheld : Decision.Overturned },
                2 => new SearchQuery(text) { Category = categories[random.Next(categories.Count)] },
                3 => new SearchQuery(text) { Decision = random.Next(2) == 0 ? Decision.Upheld : Decision.Overturned, Category = categories[random.Next(categories.Count)] },
                _ => new SearchQuery(text) { From = new DateOnly(2017, 6, 1) },
            };
            query = query with { Limit = 1 + random.Next(30) };
            var asked = ImpactStats(sql).FilterQueries;
            await AssertExactAsync(sql, stored, query);
            // The current version, decision and category are checked from the index's facets: only a
            // date asks the database.
            if (query.From is null) Assert.Equal(asked, ImpactStats(sql).FilterQueries);
        }
        Assert.True(ImpactStats(sql).FilterQueries > 0, "no date filter asked the database");
        // A word every letter holds, and one word a few hold beside it.
        await AssertExactAsync(sql, stored, new SearchQuery("the") { Limit = 25 });
        await AssertExactAsync(sql, stored, new SearchQuery("the " + words[1]) { Limit = 5, Decision = Decision.Overturned });
        Assert.Equal(ImpactStats(sql).Searches, ImpactStats(sql).Answered);
    }

    [Fact]
    public async Task Impact_index_answers_quoted_phrases_exactly_as_checking_every_letter_would()
    {
        await using var archive = await OpenAsync();
        var sql = (SqlArchive)archive;
        sql.ImpactOptions = new ImpactOptions(MergeFanOut: 3, FirstBlockSize: 4, LookupBlockSize: 3, LookupBlocks: 8);
        var random = new Random(4612);
        var stored = await StoreSyntheticAsync(sql, random, letters: 200);
        var texts = stored.Records.Values.SelectMany(v => v)
            .SelectMany(r => r.Determination.Items.SelectMany(i => new[] { i.Treatment, i.Rationale }).Append(r.Determination.CaseSummary))
            .Where(t => !string.IsNullOrEmpty(t)).ToList();
        // Runs of two to four words that stand in some text (and, reversed, mostly in none).
        var runs = new List<string[]>();
        while (runs.Count < 40)
        {
            var words = System.Text.RegularExpressions.Regex.Matches(texts[random.Next(texts.Count)], @"\p{L}+").Select(m => m.Value).ToList();
            var length = 2 + random.Next(3);
            if (words.Count < length) continue;
            var start = random.Next(words.Count - length + 1);
            runs.Add(words.Skip(start).Take(length).ToArray());
        }
        var categories = stored.Records.Values.SelectMany(v => v).SelectMany(r => r.Items.Select(i => i.Category)).Distinct().ToList();
        var answered = 0;
        for (var q = 0; q < runs.Count; q++)
        {
            var run = runs[q];
            var text = (q % 4) switch
            {
                0 => $"\"{string.Join(' ', run)}\"",
                1 => $"\"{string.Join(' ', run.Reverse())}\"",
                2 => $"{runs[(q + 1) % runs.Count][0]} \"{string.Join(' ', run)}\"",
                _ => string.Join('-', run), // a word the query splits is a phrase too
            };
            var query = (q % 3) switch
            {
                0 => new SearchQuery(text),
                1 => new SearchQuery(text) { Decision = random.Next(2) == 0 ? Decision.Upheld : Decision.Overturned },
                _ => new SearchQuery(text) { Category = categories[random.Next(categories.Count)], From = new DateOnly(2016, 1, 1) },
            };
            if (await AssertExactAsync(sql, stored, query with { Limit = 1 + random.Next(20) }) > 0) answered++;
        }
        Assert.True(answered >= 10, $"only {answered} of the phrase searches found a letter");
        Assert.True(ImpactStats(sql).PhraseChecks > 0, "no letter's text was checked for a phrase");
        Assert.Equal(ImpactStats(sql).Searches, ImpactStats(sql).Answered);
    }

    [Fact]
    public async Task Impact_index_breaks_ties_to_the_lower_id_as_scoring_every_letter_would()
    {
        await using var archive = await OpenAsync();
        var sql = (SqlArchive)archive;
        sql.ImpactOptions = new ImpactOptions(MergeFanOut: 4, FirstBlockSize: 4, LookupBlockSize: 4);
        // Many letters of few distinct texts, in batches that share an average length: equal scores
        // in numbers, interleaved by id with letters of other scores.
        var generator = new LetterGenerator((await CorpusLetters.ReadAsync()).Select(l => l.Determination).ToList());
        var texts = Enumerable.Range(0, 4).Select(i => generator.Generate(i)).ToList();
        var records = new Dictionary<string, List<LetterRecord>>();
        var segments = new List<(long, long)>();
        for (var b = 0; b < 12; b++)
        {
            var batch = Enumerable.Range(0, 16).Select(i =>
            {
                var n = (b * 16) + i;
                return LetterRecord.From($"tie-{n}.txt", texts[(n * 7 % 11) % texts.Count] with { CaseNumber = null, CaseSummary = texts[(n * 7 % 11) % texts.Count].CaseSummary + $" Reference {n}." });
            }).ToList();
            foreach (var r in batch) records[r.Key] = [r];
            var before = await sql.ConnectionForTests.ExecuteScalarAsync<long?>("SELECT MAX(id) FROM letters") ?? 0;
            await archive.StoreAsync(batch);
            segments.Add((before + 1, await sql.ConnectionForTests.ExecuteScalarAsync<long>("SELECT MAX(id) FROM letters")));
        }
        var stored = new StoredLetters(records, segments);
        var words = texts.SelectMany(t => t.Items.Select(i => i.Treatment).Append(t.CaseSummary))
            .SelectMany(t => System.Text.RegularExpressions.Regex.Matches(t, @"\p{L}{4,}").Select(m => m.Value)).Distinct().ToList();
        var random = new Random(9);
        for (var q = 0; q < 30; q++)
        {
            var text = string.Join(' ', Enumerable.Range(0, 1 + (q % 2)).Select(_ => words[random.Next(words.Count)]));
            await AssertExactAsync(sql, stored, new SearchQuery(text) { Limit = 1 + random.Next(25), Decision = q % 3 == 0 ? Decision.Upheld : null });
        }
        Assert.Equal(ImpactStats(sql).Searches, ImpactStats(sql).Answered);
    }

    [Fact]
    public async Task Impact_index_indexes_letters_stored_before_it_existed_and_meanwhile_the_engine_answers()
    {
        await using var archive = await OpenAsync();
        var sql = (SqlArchive)archive;
        sql.ImpactOptions = new ImpactOptions(MergeFanOut: 3, FirstBlockSize: 4, BackfillBatch: 7, LookupBlockSize: 5);
        var stored = await StoreSyntheticAsync(sql, new Random(7), letters: 60);
        // As an archive created before migration 0003: no postings, every letter in the backlog.
        await sql.ConnectionForTests.ExecuteAsync(
            "DELETE FROM impact_postings; DELETE FROM impact_lookup; DELETE FROM impact_facets; DELETE FROM impact_segments; UPDATE impact_backlog SET letters_through = (SELECT MAX(id) FROM letters), done_through = 0");
        var query = new SearchQuery("pain") { Limit = 10 };

        var before = await archive.SearchAsync(query);
        Assert.NotEmpty(before);
        Assert.Equal(0, ImpactStats(sql).Answered);

        await archive.MigrateAsync();
        var ids = (await sql.ConnectionForTests.QueryAsync<long>("SELECT id FROM letters ORDER BY id")).ToList();
        var backfilled = stored with { Segments = ids.Chunk(7).Select(c => (c[0], c[^1])).ToList() };
        await AssertExactAsync(sql, backfilled, query);
        await AssertExactAsync(sql, backfilled, new SearchQuery("lumbar MRI") { Limit = 10, Decision = Decision.Upheld });
        Assert.Equal(2, ImpactStats(sql).Answered);
    }

    [Fact]
    public async Task A_failed_batch_leaves_no_postings_and_the_next_batch_is_searched_through_the_index()
    {
        await using var archive = await OpenAsync();
        var sql = (SqlArchive)archive;
        var letters = (await CorpusLetters.ReadAsync()).Take(3).ToList();
        var good = letters.Take(2).Select(l => LetterRecord.From(l.Source, l.Determination)).ToList();
        var broken = letters[2].Determination with { Items = [new DeterminationItem(null!, Decision.Upheld, "", "", "")] };
        await Assert.ThrowsAnyAsync<Exception>(() => archive.StoreAsync([.. good, LetterRecord.From(letters[2].Source, broken)]));
        Assert.Equal(0, await CountAsync(sql, "SELECT COUNT(*) FROM impact_postings"));
        Assert.Equal(0, await CountAsync(sql, "SELECT COUNT(*) FROM impact_segments"));

        await archive.StoreAsync(await CorpusRecordsAsync());
        Assert.True(await CountAsync(sql, "SELECT COUNT(*) FROM impact_postings") > 0);
        var words = await archive.SearchAsync(new SearchQuery("medically necessary") { Limit = 5 });
        Assert.Equal(5, words.Count);
        Assert.Equal((1L, 1L), (ImpactStats(sql).Searches, ImpactStats(sql).Answered));
        Assert.Empty(await archive.SearchAsync(new SearchQuery("!!! -- ...")));
        Assert.Equal(1, ImpactStats(sql).Searches);
    }

    [Fact]
    public async Task A_new_version_replaces_the_old_in_the_impact_index_answers()
    {
        await using var archive = await OpenAsync();
        var sql = (SqlArchive)archive;
        sql.ImpactOptions = new ImpactOptions(MergeFanOut: 2, FirstBlockSize: 4);
        var (source, original) = (await CorpusLetters.ReadAsync()).First(l => l.Determination.CaseNumber is not null);
        var first = original with { CaseSummary = original.CaseSummary + " Zygapophyseal arthropathy noted." };
        var second = original with { CaseSummary = original.CaseSummary + " Sacroiliac dysfunction noted." };
        await archive.StoreAsync([LetterRecord.From(source, first)]);
        Assert.Single(await archive.SearchAsync(new SearchQuery("zygapophyseal")));
        await archive.StoreAsync([LetterRecord.From(source, second)]);
        await archive.StoreAsync((await CorpusRecordsAsync()).Where(r => r.Source != source).ToList()); // merges the versions' segments

        Assert.Empty(await archive.SearchAsync(new SearchQuery("zygapophyseal")));
        Assert.Equal(source, Assert.Single(await archive.SearchAsync(new SearchQuery("sacroiliac dysfunction") { Limit = 100 }), h => h.Snippet.Contains("[Sacroiliac]", StringComparison.OrdinalIgnoreCase) && h.Source == source).Source);
        Assert.Equal(ImpactStats(sql).Searches, ImpactStats(sql).Answered);
    }

    [Fact]
    public async Task Searches_after_merges_answer_exactly_though_earlier_searches_cached_the_merged_segments()
    {
        await using var archive = await OpenAsync();
        var sql = (SqlArchive)archive;
        sql.ImpactOptions = new ImpactOptions(MergeFanOut: 3, FirstBlockSize: 4, LookupBlockSize: 3, LookupBlocks: 8);
        var random = new Random(4611);
        var stored = await StoreSyntheticAsync(sql, random, letters: 120);
        var queries = new[] { "lumbar", "physical therapy", "the pain", "knee injection", "medications" }
            .SelectMany(text => new[] { new SearchQuery(text) { Limit = 7 }, new SearchQuery(text) { Limit = 4, Decision = Decision.Upheld } }).ToList();
        foreach (var query in queries) await AssertExactAsync(sql, stored, query);
        foreach (var query in queries) await AssertExactAsync(sql, stored, query);
        Assert.True(ImpactStats(sql).Cached.Hits > 0, "the second round of the same searches read nothing from the cache");
        var segmentsBefore = (await sql.ConnectionForTests.QueryAsync<long>("SELECT id FROM impact_segments")).ToHashSet();

        // More letters, in batches that merge the segments the searches read.
        stored = await StoreSyntheticAsync(sql, random, letters: 120, more: stored);
        var segmentsAfter = (await sql.ConnectionForTests.QueryAsync<long>("SELECT id FROM impact_segments")).ToHashSet();
        Assert.True(segmentsBefore.Except(segmentsAfter).Any(), "no segment the searches had read was merged");
        foreach (var query in queries) await AssertExactAsync(sql, stored, query);
    }

    /// <summary>Another archive on the database of <paramref name="archive"/>, as another process (a second
    /// `imr import`, the web application) opens it.</summary>
    protected abstract Task<IArchive> OpenSameAsync(IArchive archive);

    [Fact]
    public async Task Two_imports_into_one_archive_at_once_store_and_index_each_letter_once()
    {
        await using var first = await OpenAsync();
        await using var second = await OpenSameAsync(first);
        var archives = new[] { (SqlArchive)first, (SqlArchive)second };
        // Merges at every second segment: the two race for the same levels again and again.
        foreach (var archive in archives) archive.ImpactOptions = new ImpactOptions(MergeFanOut: 2, FirstBlockSize: 4, LookupBlockSize: 3, LookupBlocks: 8);
        var generator = new LetterGenerator((await CorpusLetters.ReadAsync()).Select(l => l.Determination).ToList());
        var letters = Enumerable.Range(0, 160).Select(n => LetterRecord.From($"synthetic-{n}.txt", generator.Generate(n))).ToList();
        var batches = letters.Chunk(8).ToList();
        // The same letters, the one import from the first batch on and the other from the last back.
        var outcomes = await Task.WhenAll(
            Task.Run(async () => { var o = new List<StoreOutcome>(); foreach (var b in batches) o.AddRange(await first.StoreAsync(b)); return o; }),
            Task.Run(async () => { var o = new List<StoreOutcome>(); foreach (var b in Enumerable.Reverse(batches)) o.AddRange(await second.StoreAsync(b)); return o; }));

        var all = outcomes.SelectMany(o => o).ToList();
        Assert.Equal(letters.Count, all.Count(o => o == StoreOutcome.Imported));
        Assert.Equal(letters.Count, all.Count(o => o == StoreOutcome.Unchanged));
        var sql = archives[0];
        Assert.Equal(letters.Count, await CountAsync(sql, "SELECT COUNT(*) FROM letters"));
        Assert.True(await CountAsync(sql, "SELECT COUNT(*) FROM impact_segments WHERE level > 0") > 0, "no merge happened");
        // Each letter in exactly one live segment, and each term's postings counted once.
        Assert.Equal(letters.Count, await CountAsync(sql, "SELECT SUM(letters) FROM impact_segments"));
        var analyzed = letters.Select(r => Analyze(0, r)).ToList();
        foreach (var stem in analyzed.SelectMany(a => a.Tf.Keys).Distinct().OrderBy(s => s, StringComparer.Ordinal).Where((_, n) => n % 7 == 0))
        {
            var df = await sql.ConnectionForTests.ExecuteScalarAsync<long?>("SELECT SUM(df) FROM impact_postings WHERE term = @stem AND block = 0", new { stem }) ?? 0;
            Assert.True(analyzed.Count(a => a.Tf.ContainsKey(stem)) == df, $"'{stem}': {df} postings for {analyzed.Count(a => a.Tf.ContainsKey(stem))} letters");
        }
        var hits = await second.SearchAsync(new SearchQuery("pain") { Limit = 500 });
        Assert.Equal(analyzed.Count(a => a.Tf.ContainsKey("pain")), hits.Count);
        Assert.Equal(hits.Count, hits.Select(h => h.Source).Distinct().Count());
    }

    /// <summary>What was stored: every version of each key in order, and each batch's range of ids (a
    /// level-0 segment each).</summary>
    private sealed record StoredLetters(Dictionary<string, List<LetterRecord>> Records, List<(long First, long Last)> Segments);

    private static ImpactStatistics ImpactStats(SqlArchive archive) => archive.ImpactIndexStatistics;

    private static async Task<long> CountAsync(SqlArchive archive, string sql) =>
        await archive.ConnectionForTests.ExecuteScalarAsync<long>(sql);

    /// <summary>Synthetic letters in batches of random size, some later ones new versions of earlier ones;
    /// <paramref name="more"/>: what was stored before (more letters are added to it).</summary>
    private static async Task<StoredLetters> StoreSyntheticAsync(SqlArchive archive, Random random, int letters, StoredLetters? more = null)
    {
        var generator = new LetterGenerator((await CorpusLetters.ReadAsync()).Select(l => l.Determination).ToList());
        var records = more?.Records ?? new Dictionary<string, List<LetterRecord>>();
        var segments = more?.Segments ?? new List<(long, long)>();
        var made = records.Values.Sum(v => v.Count);
        letters += made;
        var revision = made;
        while (made < letters)
        {
            var batch = new List<LetterRecord>();
            for (var n = 5 + random.Next(30); n > 0 && made < letters; n--)
            {
                LetterRecord record;
                if (records.Count > 10 && random.Next(8) == 0)
                {
                    var key = records.Keys.ElementAt(random.Next(records.Count));
                    var previous = records[key][^1];
                    record = LetterRecord.From(previous.Source, previous.Determination with { CaseSummary = previous.Determination.CaseSummary + $" Revision {++revision} lumbar." });
                }
                else
                {
                    var d = generator.Generate(made);
                    record = LetterRecord.From($"synthetic-{made}.txt", d);
                }
                made++;
                if (!records.TryGetValue(record.Key, out var versions)) records[record.Key] = versions = [];
                versions.Add(record);
                batch.Add(record);
            }
            var before = await archive.ConnectionForTests.ExecuteScalarAsync<long?>("SELECT MAX(id) FROM letters") ?? 0;
            Assert.DoesNotContain(StoreOutcome.Unchanged, await archive.StoreAsync(batch));
            var after = await archive.ConnectionForTests.ExecuteScalarAsync<long>("SELECT MAX(id) FROM letters");
            segments.Add((before + 1, after));
        }
        return new StoredLetters(records, segments);
    }

    /// <summary>The search's hits equal the brute force's: every current letter holding every term
    /// scored by Σ idf × impact (the segments' counts for idf, each letter's impact from its first
    /// segment's average length), filtered, best first, ties to the lower id.</summary>
    private static async Task<int> AssertExactAsync(SqlArchive archive, StoredLetters stored, SearchQuery query)
    {
        var db = archive.ConnectionForTests;
        var rows = (await db.QueryAsync<(long Id, string Key, long Version, bool Current)>("SELECT id, letter_key, version, is_current FROM letters")).ToList();
        var letters = rows.ToDictionary(r => r.Id, r => (Record: stored.Records[r.Key][(int)r.Version - 1], r.Current));
        var analyzed = letters.ToDictionary(l => l.Key, l => Analyze(l.Key, l.Value.Record));
        var averages = stored.Segments.Select(s =>
        {
            var lengths = analyzed.Where(a => a.Key >= s.First && a.Key <= s.Last).Select(a => a.Value.Length).ToList();
            return (s.First, s.Last, Average: lengths.Sum() / lengths.Count);
        }).ToList();
        var n = await db.ExecuteScalarAsync<long>("SELECT SUM(letters) FROM impact_segments");
        var terms = QueryTerms.Parse(query.Text);
        var stems = terms.SelectMany(Tokenizer.Stems).Distinct().ToList();
        // A phrase holds where its stems, joined by spaces, stand within the stems of one text joined alike.
        static string Joined(IEnumerable<string> words) => " " + string.Join(' ', words) + " ";
        var phrases = terms.Select(Tokenizer.Stems).Where(s => s.Count > 1).Select(Joined).ToList();
        bool HoldsPhrases(LetterRecord r) => phrases.All(p =>
            r.Determination.Items.SelectMany(i => new[] { i.Treatment, i.Rationale }).Append(r.Determination.CaseSummary)
                .Any(text => JoinedStems.GetOrAdd(text ?? "", t => Joined(Tokenizer.Stems(t))).Contains(p, StringComparison.Ordinal)));
        var idf = new List<long>();
        foreach (var stem in stems)
            idf.Add(ImpactScoring.Idf(n, await db.ExecuteScalarAsync<long?>("SELECT SUM(df) FROM impact_postings WHERE term = @stem AND block = 0", new { stem }) ?? 0));

        bool Passes(LetterRecord r) =>
            (query.Decision is null && query.Category is null || r.Items.Any(i => (query.Decision is null || i.Item.Decision == query.Decision) && (query.Category is null || i.Category == query.Category)))
            && (query.From is null || r.Determination.DecisionDate >= query.From);
        var expected = letters
            .Where(l => l.Value.Current && Passes(l.Value.Record) && stems.All(analyzed[l.Key].Tf.ContainsKey) && HoldsPhrases(l.Value.Record))
            .Select(l =>
            {
                var average = averages.First(a => l.Key >= a.First && l.Key <= a.Last).Average;
                var (tf, length) = analyzed[l.Key];
                var score = stems.Select((s, t) => idf[t] * ImpactScoring.Impact(tf[s], length, average)).Sum();
                return (l.Key, l.Value.Record.Source, Score: score);
            })
            .OrderByDescending(h => h.Score).ThenBy(h => h.Key)
            .Take(query.Limit)
            .Select(h => (h.Source, Math.Round(ImpactScoring.ToScore(h.Score), 4)))
            .ToList();

        var actual = (await archive.SearchAsync(query)).Select(h => (h.Source, h.Score)).ToList();
        Assert.True(expected.SequenceEqual(actual), $"{query}: expected {string.Join(", ", expected)} but got {string.Join(", ", actual)}");
        return actual.Count;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> JoinedStems = new();

    /// <summary>A letter's terms and length as the index counts them: its summary, treatments and rationales.</summary>
    private static (Dictionary<string, float> Tf, double Length) Analyze(long id, LetterRecord record) =>
        SegmentBuilder.Analyze(new IndexedLetter(id, record.Determination.CaseSummary,
            string.Join(" | ", record.Determination.Items.Select(i => i.Treatment)),
            string.Join(" | ", record.Determination.Items.Select(i => i.Rationale))));
}
