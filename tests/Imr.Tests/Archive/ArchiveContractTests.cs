using Imr.Archive.Import;
using Imr.Archive.Reports;
using Imr.Archive.Search;
using Imr.Archive.Storage;
using Imr.Letters.Model;
using Imr.Tests.Reading;

namespace Imr.Tests.Archive;

/// <summary>What every archive engine must do; run once per engine by the subclasses.</summary>
public abstract partial class ArchiveContractTests
{
    protected abstract Task<IArchive> OpenAsync();

    private static async Task<IReadOnlyList<LetterRecord>> CorpusRecordsAsync() =>
        (await CorpusLetters.ReadAsync()).Select(l => LetterRecord.From(l.Source, l.Determination)).ToList();

    private async Task<IArchive> OpenWithCorpusAsync()
    {
        var archive = await OpenAsync();
        await archive.StoreAsync(await CorpusRecordsAsync());
        return archive;
    }

    [Fact]
    public async Task Import_stores_each_letter_once_and_a_second_import_finds_them_unchanged()
    {
        await using var archive = await OpenAsync();
        var files = CorpusTests.LetterNames().Take(12).Select(CorpusTests.PathOf).ToList();
        var importer = new Importer(archive, batchSize: 5);

        var first = await importer.ImportAsync(files);
        var second = await importer.ImportAsync(files);

        Assert.Equal((12, 0, 0), (first.Imported, first.NewVersions, first.Unchanged));
        Assert.Equal((0, 0, 12), (second.Imported, second.NewVersions, second.Unchanged));
        Assert.Equal((12L, 12L), await archive.CountAsync());
    }

    [Fact]
    public async Task Import_reports_each_bad_file_and_stores_the_rest()
    {
        await using var archive = await OpenAsync();
        var bad = Path.Combine(Path.GetTempPath(), $"imr-bad-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(bad, "no letter here");
        try
        {
            var files = new[] { CorpusTests.PathOf(CorpusTests.LetterNames().First()), bad };
            var summary = await new Importer(archive).ImportAsync(files);
            Assert.Equal(1, summary.Imported);
            var failure = Assert.Single(summary.Failed);
            Assert.Equal(Path.GetFileName(bad), failure.Source);
            Assert.Contains("not an IMR final determination letter", failure.Error);
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public async Task Changed_letter_under_the_same_case_number_becomes_a_new_version_and_the_old_is_kept()
    {
        await using var archive = await OpenAsync();
        var (source, original) = (await CorpusLetters.ReadAsync()).First(l => l.Determination.CaseNumber is not null);
        var changed = original with { CaseSummary = original.CaseSummary + " Addendum: records received late." };

        Assert.Equal([StoreOutcome.Imported], await archive.StoreAsync([LetterRecord.From(source, original)]));
        Assert.Equal([StoreOutcome.NewVersion], await archive.StoreAsync([LetterRecord.From(source, changed)]));
        Assert.Equal([StoreOutcome.Unchanged], await archive.StoreAsync([LetterRecord.From(source, original)]));

        Assert.Equal((2L, 1L), await archive.CountAsync());
        // Only the current version is searched: words both versions share give one hit, not two.
        var added = await archive.SearchAsync(new SearchQuery("addendum records received late") { Limit = 100 });
        Assert.Equal(source, Assert.Single(added).Source);
        var phrase = "\"" + string.Join(' ', original.CaseSummary.Split(' ').Take(4)) + "\"";
        var shared = await archive.SearchAsync(new SearchQuery(phrase) { Limit = 100 });
        Assert.Single(shared, h => h.Source == source);
    }

    [Fact]
    public async Task Two_versions_of_a_letter_in_one_batch_store_both_and_the_later_is_current()
    {
        await using var archive = await OpenAsync();
        var (source, original) = (await CorpusLetters.ReadAsync()).First(l => l.Determination.CaseNumber is not null);
        var changed = original with { CaseSummary = original.CaseSummary + " Addendum: records received late." };
        var again = original with { CaseSummary = original.CaseSummary + " Second addendum." };

        Assert.Equal(
            [StoreOutcome.Imported, StoreOutcome.Unchanged, StoreOutcome.NewVersion],
            await archive.StoreAsync([LetterRecord.From(source, original), LetterRecord.From(source, original), LetterRecord.From(source, changed)]));
        Assert.Equal(
            [StoreOutcome.NewVersion, StoreOutcome.Unchanged],
            await archive.StoreAsync([LetterRecord.From(source, again), LetterRecord.From(source, changed)]));

        Assert.Equal((3L, 1L), await archive.CountAsync());
        var stored = await archive.GetLetterAsync(original.CaseNumber!.Value.Value);
        Assert.Equal((3, again), (stored!.Version, stored.Determination));
        Assert.Single(await archive.SearchAsync(new SearchQuery("addendum") { Limit = 100 }));
    }

    [Fact]
    public async Task A_filter_few_letters_pass_still_finds_every_hit_beyond_the_first_window()
    {
        await using var archive = await OpenWithCorpusAsync();
        var letters = (await CorpusLetters.ReadAsync()).ToDictionary(l => l.Source, l => l.Determination);

        // "pain" matches nearly every letter; the filter keeps a few, whatever their rank. A first
        // window of one match cannot hold two hits: the search must widen to all matches.
        ((SqlArchive)archive).FirstWindow = 1;
        var all = await archive.SearchAsync(new SearchQuery("pain") { Limit = 1000 });
        var overturned = await archive.SearchAsync(new SearchQuery("pain") { Decision = Decision.Overturned, Limit = 2 });
        var expected = all.Where(h => letters[h.Source].Items.Any(i => i.Decision == Decision.Overturned)).Take(2).Select(h => h.Source);

        Assert.Equal(2, overturned.Count);
        Assert.Equal(expected, overturned.Select(h => h.Source));
    }

    [Fact]
    public async Task A_letter_is_read_back_by_case_number_in_any_case_or_by_source_when_it_has_none_current_version_only()
    {
        await using var archive = await OpenAsync();
        var (source, original) = (await CorpusLetters.ReadAsync()).First(l => l.Determination.CaseNumber is not null);
        var changed = original with { CaseSummary = original.CaseSummary + " Addendum." };
        var unnumbered = original with { CaseNumber = null, CaseSummary = "A letter without a header." };
        await archive.StoreAsync([LetterRecord.From(source, original), LetterRecord.From(source, changed), LetterRecord.From("unnumbered.txt", unnumbered)]);

        var number = original.CaseNumber!.Value.Value;
        var stored = await archive.GetLetterAsync(number.ToLowerInvariant());

        Assert.NotNull(stored);
        Assert.Equal((number, source, 2), (stored.Key, stored.Source, stored.Version));
        Assert.Equal(changed, stored.Determination);
        Assert.Equal(unnumbered, (await archive.GetLetterAsync("unnumbered.txt"))?.Determination);
        Assert.Null(await archive.GetLetterAsync("CM99-0000000"));
        Assert.Null(await archive.GetLetterAsync("no such letter.txt"));
    }

    [Fact]
    public async Task A_batch_that_fails_part_way_stores_nothing()
    {
        await using var archive = await OpenAsync();
        var letters = (await CorpusLetters.ReadAsync()).Take(3).ToList();
        var good = letters.Take(2).Select(l => LetterRecord.From(l.Source, l.Determination)).ToList();
        var broken = letters[2].Determination with { Items = [new DeterminationItem(null!, Decision.Upheld, "", "", "")] };

        await Assert.ThrowsAnyAsync<Exception>(() => archive.StoreAsync([.. good, LetterRecord.From(letters[2].Source, broken)]));

        Assert.Equal((0L, 0L), await archive.CountAsync());
    }

    [Fact]
    public async Task Search_finds_a_letter_by_words_of_its_treatment_ranked_and_highlighted()
    {
        await using var archive = await OpenWithCorpusAsync();
        var letters = await CorpusLetters.ReadAsync();
        var (source, determination) = letters.First(l => l.Determination.Items.Count > 0 && Words(l.Determination.Items[0].Treatment).Count >= 2);
        var words = Words(determination.Items[0].Treatment).Take(2).ToList();

        var hits = await archive.SearchAsync(new SearchQuery(string.Join(' ', words)) { Limit = 200 });

        Assert.Contains(hits, h => h.Source == source);
        Assert.Equal(hits.Select(h => h.Score).OrderDescending(), hits.Select(h => h.Score));
        Assert.All(hits, h => Assert.Contains('[', h.Snippet));
    }

    [Fact]
    public async Task Search_filters_keep_only_matching_items_and_letters()
    {
        await using var archive = await OpenWithCorpusAsync();
        var letters = (await CorpusLetters.ReadAsync()).ToDictionary(l => l.Source, l => l.Determination);

        var overturned = await archive.SearchAsync(new SearchQuery("medically necessary") { Decision = Decision.Overturned, Limit = 500 });
        Assert.NotEmpty(overturned);
        Assert.All(overturned, h => Assert.Equal(Decision.Overturned, h.Decision));

        var from = new DateOnly(2017, 2, 1);
        var to = new DateOnly(2017, 2, 15);
        var dated = await archive.SearchAsync(new SearchQuery("pain") { From = from, To = to, Limit = 500 });
        Assert.NotEmpty(dated);
        Assert.All(dated, h => Assert.InRange(h.DecisionDate!.Value, from, to));

        var state = letters.Values.SelectMany(d => d.Reviewer.Licensure).GroupBy(s => s).OrderBy(g => g.Count()).Select(g => g.Key).First();
        var licensed = await archive.SearchAsync(new SearchQuery("pain") { State = state, Limit = 500 });
        Assert.All(licensed, h => Assert.Contains(state, letters[h.Source].Reviewer.Licensure));

        var specialty = letters.Values.SelectMany(d => d.Reviewer.Specialties).GroupBy(s => s).OrderByDescending(g => g.Count()).Select(g => g.Key).First();
        var bySpecialty = await archive.SearchAsync(new SearchQuery("pain") { Specialty = specialty.ToUpperInvariant(), Limit = 500 });
        Assert.NotEmpty(bySpecialty);
        Assert.All(bySpecialty, h => Assert.Contains(specialty, letters[h.Source].Reviewer.Specialties));

        var odg = await archive.SearchAsync(new SearchQuery("pain") { Guideline = "odg", Limit = 500 });
        Assert.NotEmpty(odg);
        Assert.All(odg, h => Assert.Contains("ODG", letters[h.Source].Items[h.Items[0].Ordinal - 1].ReviewerGuideline, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Search_with_no_words_or_operator_characters_is_no_error()
    {
        await using var archive = await OpenWithCorpusAsync();
        Assert.Empty(await archive.SearchAsync(new SearchQuery("  ")));
        _ = await archive.SearchAsync(new SearchQuery("\"MRI AND (OR NEAR* -:^")); // must not throw
    }

    [Fact]
    public async Task Report_counts_equal_those_of_the_letters()
    {
        await using var archive = await OpenWithCorpusAsync();
        var letters = (await CorpusLetters.ReadAsync()).Select(l => l.Determination).ToList();

        var report = await archive.ReportAsync(new ReportQuery());

        Assert.Equal(letters.Count, report.Letters);
        Assert.Equal(letters.Sum(d => d.Items.Count), report.Items);
        Assert.Equal(letters.Sum(d => d.Items.Count(i => i.Decision == Decision.Overturned)), report.Overturned);
        Assert.Equal(report.Items, report.ByMonth.Sum(r => r.Items));
        Assert.Equal(report.Items, report.ByCategory.Sum(r => r.Items));
        var january = letters.Where(d => d.DecisionDate is { Year: 2017, Month: 1 }).ToList();
        var row = Assert.Single(report.ByMonth, r => r.Key == "2017-01");
        Assert.Equal((january.Count, january.Sum(d => d.Items.Count)), ((int)row.Letters, (int)row.Items));

        var days = letters.Where(d => d.DateAssigned is not null && d.DecisionDate is not null)
            .Select(d => d.DecisionDate!.Value.DayNumber - d.DateAssigned!.Value.DayNumber).Order().ToList();
        Assert.Equal(days.Count, report.AssignmentToDecision.Letters);
        Assert.Equal(Median(days), report.AssignmentToDecision.Median);
    }

    [Fact]
    public async Task Report_for_a_period_counts_only_letters_decided_in_it()
    {
        await using var archive = await OpenWithCorpusAsync();
        var letters = (await CorpusLetters.ReadAsync()).Select(l => l.Determination).ToList();
        var from = new DateOnly(2017, 1, 1);
        var to = new DateOnly(2017, 1, 31);

        var report = await archive.ReportAsync(new ReportQuery(from, to));

        Assert.Equal(letters.Count(d => d.DecisionDate >= from && d.DecisionDate <= to), report.Letters);
        Assert.All(report.ByMonth, r => Assert.Equal("2017-01", r.Key));
    }

    private static List<string> Words(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\p{L}{4,}").Select(m => m.Value).ToList();

    private static double Median(List<int> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
}

public sealed class SqliteArchiveTests : ArchiveContractTests, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("imr-archive-").FullName;

    protected override Task<IArchive> OpenAsync() => ArchiveDatabase.OpenAsync(Path.Combine(_dir, $"{Guid.NewGuid():N}.db"));

    protected override Task<IArchive> OpenSameAsync(IArchive archive) => ArchiveDatabase.OpenAsync(((SqliteArchive)archive).Path);

    [Fact]
    public async Task A_new_archive_has_16_KB_pages_and_an_archive_made_before_keeps_its_own()
    {
        await using (var archive = (SqlArchive)await OpenAsync())
        {
            Assert.Equal(16384L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(archive.ConnectionForTests, "PRAGMA page_size"));
            Assert.Equal("wal", await Dapper.SqlMapper.ExecuteScalarAsync<string>(archive.ConnectionForTests, "PRAGMA journal_mode"));
        }
        var older = Path.Combine(_dir, "older.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={older};Pooling=False"))
        {
            await connection.OpenAsync();
            await Dapper.SqlMapper.ExecuteAsync(connection, "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE earlier (x INTEGER)");
        }
        await using (var archive = (SqlArchive)await ArchiveDatabase.OpenAsync(older))
        {
            Assert.Equal(4096L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(archive.ConnectionForTests, "PRAGMA page_size"));
            Assert.Equal((0L, 0L), await archive.CountAsync());
        }
    }

    [Fact]
    public async Task The_full_text_index_merges_its_segments_sixteen_at_a_time()
    {
        await using var archive = (SqlArchive)await OpenAsync();
        Assert.Equal(16L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(archive.ConnectionForTests,
            "SELECT v FROM letters_fts_config WHERE k = 'automerge'"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresArchiveTests(PostgresServer server) : ArchiveContractTests
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IArchive, string> _databases = [];

    protected override async Task<IArchive> OpenAsync()
    {
        var database = await server.CreateDatabaseAsync();
        var archive = await ArchiveDatabase.OpenAsync(database);
        _databases.Add(archive, database);
        return archive;
    }

    protected override Task<IArchive> OpenSameAsync(IArchive archive) =>
        ArchiveDatabase.OpenAsync(_databases.TryGetValue(archive, out var database) ? database : throw new InvalidOperationException("not opened by OpenAsync"));

    [Fact]
    public async Task The_impact_index_blocks_up_to_a_page_stay_in_their_tables_pages()
    {
        await using var archive = (SqlArchive)await OpenAsync();
        var connection = archive.ConnectionForTests;
        // A block of 6,000 bytes (PostgreSQL's default would move anything over about 2 KB to TOAST).
        var block = Enumerable.Range(0, 6000).Select(i => (byte)(i * 7919 % 251)).ToArray();
        await Dapper.SqlMapper.ExecuteAsync(connection,
            "INSERT INTO impact_lookup (segment_id, term, last_id, postings) VALUES (-1, 'block', 1, @block); " +
            "INSERT INTO impact_postings (segment_id, term, block, df, top_impact, postings) VALUES (-1, 'block', 0, 1, 1, @block)",
            new { block });
        foreach (var table in new[] { "impact_lookup", "impact_postings" })
        {
            Assert.Equal(0L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
                $"SELECT pg_relation_size(reltoastrelid) FROM pg_class WHERE relname = '{table}'"));
            Assert.Equal("e", await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection,
                $"SELECT attstorage::text FROM pg_attribute WHERE attrelid = '{table}'::regclass AND attname = 'postings'"));
        }
        Assert.Equal(block, await Dapper.SqlMapper.ExecuteScalarAsync<byte[]>(connection, "SELECT postings FROM impact_lookup WHERE segment_id = -1"));
        await Dapper.SqlMapper.ExecuteAsync(connection, "DELETE FROM impact_lookup WHERE segment_id = -1; DELETE FROM impact_postings WHERE segment_id = -1");
    }
}
