using System.Diagnostics;
using System.Text.RegularExpressions;
using Dapper;
using Imr.Archive.Import;
using Imr.Archive.Search;
using Imr.Archive.Storage;
using Imr.Letters.Model;
using Imr.Letters.Reading;
using Imr.Letters.Synthetic;
using Imr.Letters.Writing;
using Imr.Treatments;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Imr.Bench;

/// <summary>
/// The archive at scale: synthetic letters (recombined from the corpus) imported from text, searched
/// with typical two-word queries and a filter, and measured beside the raw engine doing the same
/// work in the same run: a bulk insert of the letters' text into FTS5 (or a tsvector table with a GIN
/// index) and a bare full-text query. The archive's searches (words, no phrase) go through its impact
/// index; the table shows the share it answered and the postings it read per search.
/// </summary>
internal static partial class ArchiveBenchmarks
{
    /// <param name="lettersFile">Where the synthetic letters are kept (generated when missing, not deleted), so
    /// that another run (<paramref name="part"/> raw, say, in a second process) reads the same letters.</param>
    /// <param name="part">"both" (the archive, then the raw engine), "archive" or "raw".</param>
    /// <param name="keptDb">An SQLite archive kept between runs (imported when missing, not deleted): a
    /// run finding it searches it without importing again; with PostgreSQL, the name of a database an
    /// earlier run imported (<c>imr_bench_N</c>), searched again.</param>
    public static async Task RunAsync(Corpus corpus, int letters, string? postgres, int queries, IReadOnlyCollection<string> engines, string? lettersFile, string part, string? keptDb = null)
    {
        var sources = new List<Determination>();
        foreach (var pdf in corpus.Pdfs.Concat(corpus.Seeds)) sources.Add((await LetterReader.ReadFileAsync(pdf)).Determination);
        var work = Directory.CreateTempSubdirectory("imr-archive-bench-").FullName;
        try
        {
            var records = lettersFile ?? Path.Combine(work, "letters.bin");
            if (!File.Exists(records)) WriteLetters(records, new LetterGenerator(sources), letters);
            // A kept file may hold more letters than asked for (the generator's first n are the same
            // letters whatever n): each side reads the first n only.
            var textSize = ReadLetters(records).Take(Math.Min(letters, 10_000)).Average(l => System.Text.Encoding.UTF8.GetByteCount(l.Text));
            Console.WriteLine($"## Archive at {letters:N0} synthetic letters ({textSize / 1024:F1} KB of text each)");
            Console.WriteLine();
            var queryList = Queries(sources, queries + 20);
            _warmupQueries = Queries(sources, Math.Max(0, Warmup - 20), seed: 23);
            if (part != "raw")
            {
                Console.WriteLine($"Parsing and preparing alone (no store, all cores): {await ParseRateAsync(records, letters):N0} letters/s; load average {LoadAverage()}.");
                Console.WriteLine();
            }
            Console.WriteLine("| engine | what | import letters/s | search p50 ms | p99 ms | searches by the impact index | postings read per search | bytes/letter | import peak RSS MB | load average after |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
            if (engines.Contains("sqlite"))
            {
                await MeasureAsync("SQLite", keptDb ?? Path.Combine(work, "imr.db"), records, letters, queryList, part,
                    () => SqliteRawAsync(Path.Combine(work, "raw.db"), records, letters, queryList));
            }
            if (postgres is not null && engines.Contains("postgres"))
            {
                // --db names a kept PostgreSQL database: searched again without importing.
                var db = part == "raw" ? "" : keptDb is not null ? Database(postgres, keptDb) : await CreatePostgresDatabaseAsync(postgres, $"imr_bench_{letters}");
                var raw = part == "archive" ? "" : await CreatePostgresDatabaseAsync(postgres, $"imr_bench_raw_{letters}");
                await MeasureAsync("PostgreSQL", db, records, letters, queryList, part, () => PostgresRawAsync(raw, records, letters, queryList), kept: keptDb is not null);
            }
            Console.WriteLine();
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The import's first half alone: reading the letters' text and preparing the records
    /// (JSON, hash, categories, terms) in parallel, as the importer does, without storing them; over the
    /// first 20,000 letters at most (a rate per letter, it needs no more).</summary>
    private static async Task<double> ParseRateAsync(string records, int letters)
    {
        var clock = Stopwatch.StartNew();
        var n = 0;
        await foreach (var _ in LetterBatch.MapAsync(ReadLetters(records).Take(Math.Min(letters, 20_000)), (letter, _) =>
            Task.FromResult(LetterRecord.From(letter.Source, LetterReader.ReadText(letter.Text).Determination).WithTerms()), CancellationToken.None))
        {
            n++;
        }
        return n / clock.Elapsed.TotalSeconds;
    }

    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); } catch (IOException) { return "unknown"; }
    }

    private sealed record Measure(double LettersPerSecond, double P50, double P99);

    /// <summary>The archive (import, search, size, peak memory), then the raw engine doing the same work;
    /// each row printed as soon as it is measured, and their ratios when both ran in this process.</summary>
    private static async Task MeasureAsync(string engine, string db, string records, int letters, IReadOnlyList<SearchQuery> queries, string part, Func<Task<Measure>> raw, bool kept = false)
    {
        Measure? archived = null;
        (double P50, double P99)? archivedLikeRaw = null;
        var note = "";
        if (part != "raw")
        {
            ResetPeakMemory();
            long peak;
            double bytes;
            string served;
            kept |= File.Exists(db);
            await using (var archive = await ArchiveDatabase.OpenAsync(db))
            {
                var importRate = double.NaN;
                var indexing = 0.0;
                var merging = 0.0;
                if (!kept)
                {
                    var summary = await new Importer(archive).ImportTextsAsync(ReadLetters(records).Take(letters), letters);
                    importRate = summary.Read / summary.Elapsed.TotalSeconds;
                    indexing = ((SqlArchive)archive).ImpactIndexStatistics.Indexing / summary.Elapsed;
                    merging = ((SqlArchive)archive).ImpactIndexStatistics.Merging / summary.Elapsed;
                }
                peak = PeakMemoryKb();
                var (p50, p99, times) = await LatencyAsync(queries, q => archive.SearchAsync(q), Verbose ? q => $"{q.Text} [{q.Decision}{q.Category}] ranking {((SqlArchive)archive).ImpactIndexStatistics.LastRanking.TotalMilliseconds:F1} ms {((SqlArchive)archive).ImpactIndexStatistics.Last}" : null);
                archived = new Measure(importRate, p50, p99);
                // The same queries as the raw engine measures (--raw-searches), for the ratio.
                if (RawSearches is { } n) archivedLikeRaw = Percentiles(times.Take(Math.Max(1, n)));
                bytes = await SizeAsync(archive, db) / (double)letters;
                // The impact index's share of the searches (the rest fell back to the engine's ranking).
                var impact = ((SqlArchive)archive).ImpactIndexStatistics;
                served = $"{impact.Answered / (double)Math.Max(1, impact.Searches):P0} | {impact.PostingsRead / (double)Math.Max(1, impact.Answered):N0}";
                note = $"Impact index ({engine}): {indexing:P0} of the import's time writing and merging segments ({merging:P0} merging); ranking {impact.Ranking.TotalMilliseconds / Math.Max(1, impact.Answered):F1} ms of a search on average (the rest: snippets, items); {impact.Cached.Hits / (double)Math.Max(1, impact.Cached.Hits + impact.Cached.Misses):P0} of the blocks read found in the block cache.";
            }
            Console.WriteLine($"| {engine} | archive (`imr import`, `imr search`) | {archived.LettersPerSecond:N0} | {archived.P50:F1} | {archived.P99:F1} | {served} | {bytes:N0} | {peak / 1024.0:F0} | {LoadAverage()} |");
        }
        if (part == "archive")
        {
            Console.WriteLine($"{Environment.NewLine}{note}{Environment.NewLine}");
            return;
        }
        var baseline = await raw();
        var rawSearched = RawSearches is { } searched ? $", {Math.Min(searched, queries.Count - 20)} searches" : "";
        Console.WriteLine($"| {engine} | raw engine (bulk insert of the text, bare query{rawSearched}) | {baseline.LettersPerSecond:N0} | {baseline.P50:F1} | {baseline.P99:F1} | | | | | {LoadAverage()} |");
        if (archived is not null)
        {
            var (p50, p99) = archivedLikeRaw ?? (archived.P50, archived.P99);
            if (archivedLikeRaw is not null)
                Console.WriteLine($"| {engine} | archive, the raw engine's searches alone | | {p50:F1} | {p99:F1} | | | | | |");
            Console.WriteLine($"| {engine} | ratio archive / raw | {archived.LettersPerSecond / baseline.LettersPerSecond:F2} | {Ratio(p50, baseline.P50)} | {Ratio(p99, baseline.P99)} | | | | | |");
            Console.WriteLine($"{Environment.NewLine}{note}{Environment.NewLine}");
        }
    }

    /// <summary>A ratio of times: two decimals, or, under 0.01, as one in so many (0.0043 → 1/233).</summary>
    private static string Ratio(double archive, double raw)
    {
        var ratio = archive / Math.Max(raw, 0.001);
        return ratio >= 0.01 || ratio <= 0 ? $"{ratio:F2}" : $"1/{1 / ratio:N0}";
    }

    /// <summary>Prints each search's time (the bench's <c>--verbose</c>).</summary>
    public static bool Verbose { get; set; }

    /// <summary>Searches run before the measured ones (the bench's <c>--warmup</c>, 20 at least): the first
    /// 20 of the list, then others drawn apart, so that the runtime has compiled the search's code with
    /// full optimization (tiered compilation starts every method unoptimized, and a few hundred
    /// searches pass before it is done), as in a server that has been running.</summary>
    public static int Warmup { get; set; } = 200;

    /// <summary>Searches the raw engine measures (the bench's <c>--raw-searches</c>; all the queries when
    /// unset): the first of the measured queries, after the list's first 20 alone as its warm-up. The bare
    /// ranked query of PostgreSQL takes seconds at a million letters (it ranks every letter that matches),
    /// so its 200 and a warm-up would take most of an hour; the engine runs no .NET code to compile.</summary>
    public static int? RawSearches { get; set; }

    private static IReadOnlyList<SearchQuery> _warmupQueries = [];

    /// <summary>The queries the raw engine runs: the list's first 20 (its warm-up) and
    /// <see cref="RawSearches"/> measured ones.</summary>
    private static IReadOnlyList<SearchQuery> RawQueries(IReadOnlyList<SearchQuery> queries) =>
        RawSearches is { } n ? queries.Take(20 + Math.Max(1, n)).ToList() : queries;

    private static async Task<(double P50, double P99, List<double> Times)> LatencyAsync(IReadOnlyList<SearchQuery> queries, Func<SearchQuery, Task> run, Func<SearchQuery, string>? describe = null, bool raw = false)
    {
        // Warm-up: caches, JIT, query plans (the raw engine with --raw-searches: the first 20 only).
        var warmup = raw && RawSearches is not null ? 20 : Warmup;
        foreach (var q in queries.Take(20).Concat(_warmupQueries.Take(Math.Max(0, warmup - 20)))) await run(q);
        if (warmup > 20) await Task.Delay(1000); // the runtime compiles hot methods again on a thread of its own
        var times = new List<double>();
        foreach (var q in queries.Skip(20))
        {
            var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var paused = GC.GetTotalPauseDuration();
            var clock = Stopwatch.StartNew();
            await run(q);
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (describe is not null)
            {
                Console.Error.WriteLine($"{clock.Elapsed.TotalMilliseconds,8:F1} ms  {describe(q)} GC {GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3} " +
                    $"paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F1} ms");
            }
        }
        var (p50, p99) = Percentiles(times);
        return (p50, p99, times);
    }

    /// <summary>The median and the 99th percentile of times in milliseconds.</summary>
    private static (double P50, double P99) Percentiles(IEnumerable<double> times)
    {
        var sorted = times.Order().ToList();
        return (sorted[sorted.Count / 2], sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * 0.99) - 1)]);
    }

    /// <summary>Typical queries: two words of a real treatment, filtered by a decision or by the item's category.</summary>
    private static List<SearchQuery> Queries(List<Determination> sources, int count, int seed = 17)
    {
        var random = new Random(seed);
        var items = sources.SelectMany(d => d.Items).ToList();
        var queries = new List<SearchQuery>();
        while (queries.Count < count)
        {
            var item = items[random.Next(items.Count)];
            var words = Word().Matches(item.Treatment).Select(m => m.Value).Where(w => !Stop.Contains(w.ToLowerInvariant())).Distinct().ToList();
            if (words.Count < 2) continue;
            var first = random.Next(words.Count - 1);
            var text = $"{words[first]} {words[first + 1]}";
            queries.Add(queries.Count % 2 == 0
                ? new SearchQuery(text) { Decision = Decision.Upheld }
                : new SearchQuery(text) { Category = TreatmentClassifier.Classify(item.Treatment).Category.Id });
        }
        return queries;
    }

    private static readonly HashSet<string> Stop = ["with", "without", "from", "that", "this", "times", "each", "per", "week", "weeks", "over", "into", "under", "original", "request", "sessions", "session"];

    [GeneratedRegex(@"\p{L}{4,}")]
    private static partial Regex Word();

    // Letters as length-prefixed UTF-8 strings in one file, read back as a stream.
    private static long WriteLetters(string path, LetterGenerator generator, int count)
    {
        using var writer = new BinaryWriter(File.Create(path));
        long chars = 0;
        foreach (var letter in generator.GenerateMany(count))
        {
            writer.Write(letter.CaseNumber!.Value.Value);
            var text = LetterTextWriter.Write(letter);
            chars += text.Length;
            writer.Write(text);
        }
        return chars;
    }

    internal static IEnumerable<(string Source, string Text)> ReadLetters(string path)
    {
        using var reader = new BinaryReader(new BufferedStream(File.OpenRead(path), 1 << 20));
        while (reader.BaseStream.Position < reader.BaseStream.Length)
            yield return (reader.ReadString() + ".txt", reader.ReadString());
    }

    private static async Task<Measure> SqliteRawAsync(string path, string records, int letters, IReadOnlyList<SearchQuery> queries)
    {
        SQLitePCL.Batteries_V2.Init();
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; CREATE VIRTUAL TABLE raw USING fts5 (body, tokenize = 'porter unicode61'); " +
            // As the archive's index is set (migration 0007) and as it commits (batches of 1,000).
            "INSERT INTO raw (raw, rank) VALUES ('automerge', 16);");
        var clock = Stopwatch.StartNew();
        var n = 0;
        foreach (var batch in ReadLetters(records).Take(letters).Chunk(1000))
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = (SqliteTransaction)transaction;
            insert.CommandText = "INSERT INTO raw (body) VALUES ($body)";
            var body = insert.Parameters.Add("$body", SqliteType.Text);
            foreach (var (_, text) in batch)
            {
                body.Value = text;
                await insert.ExecuteNonQueryAsync();
                n++;
            }
            await transaction.CommitAsync();
        }
        var rate = n / clock.Elapsed.TotalSeconds;
        var (p50, p99, _) = await LatencyAsync(RawQueries(queries), q => connection.QueryAsync<long>(
            "SELECT rowid FROM raw WHERE raw MATCH @q ORDER BY bm25(raw) LIMIT 20", new { q = QueryTerms.ToFts5(QueryTerms.Parse(q.Text)) }), raw: true);
        return new Measure(rate, p50, p99);
    }

    private static async Task<Measure> PostgresRawAsync(string db, string records, int letters, IReadOnlyList<SearchQuery> queries)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        // PostgreSQL's bulk insert: binary COPY, the tsvector computed by the server (a generated column).
        await connection.ExecuteAsync(
            "CREATE TABLE raw (id BIGSERIAL PRIMARY KEY, body TEXT NOT NULL, search TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', body)) STORED); " +
            "CREATE INDEX raw_search ON raw USING GIN (search);");
        var clock = Stopwatch.StartNew();
        var n = 0;
        foreach (var batch in ReadLetters(records).Take(letters).Chunk(1000))
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var copy = await connection.BeginBinaryImportAsync("COPY raw (body) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (_, text) in batch)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(text, NpgsqlTypes.NpgsqlDbType.Text);
                    n++;
                }
                await copy.CompleteAsync();
            }
            await transaction.CommitAsync();
        }
        var rate = n / clock.Elapsed.TotalSeconds;
        await connection.ExecuteAsync("ANALYZE raw");
        var (p50, p99, _) = await LatencyAsync(RawQueries(queries), q => connection.QueryAsync<long>(
            "SELECT id FROM raw, websearch_to_tsquery('english', @q) q WHERE search @@ q ORDER BY ts_rank_cd(search, q) DESC LIMIT 20",
            new { q = QueryTerms.ToWebsearch(QueryTerms.Parse(q.Text)) }), raw: true);
        return new Measure(rate, p50, p99);
    }

    private static string Database(string server, string name) =>
        new NpgsqlConnectionStringBuilder(PostgresArchive.ToConnectionString(server)) { Database = name }.ToString();

    private static async Task<string> CreatePostgresDatabaseAsync(string server, string name)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresArchive.ToConnectionString(server));
        await using (var admin = new NpgsqlConnection(builder.ToString()))
        {
            await admin.OpenAsync();
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {name}");
            await admin.ExecuteAsync($"CREATE DATABASE {name}");
        }
        builder.Database = name;
        return builder.ToString();
    }

    private static async Task<long> SizeAsync(IArchive archive, string db)
    {
        if (archive is SqliteArchive sqlite)
        {
            SQLitePCL.Batteries_V2.Init();
            await using (var connection = new SqliteConnection($"Data Source={sqlite.Path};Pooling=False"))
            {
                await connection.OpenAsync();
                await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return new FileInfo(sqlite.Path).Length;
        }
        await using var pg = new NpgsqlConnection(db);
        return await pg.ExecuteScalarAsync<long>("SELECT pg_database_size(current_database())");
    }

    // Linux: writing 5 to clear_refs resets the peak resident set size (VmHWM).
    private static void ResetPeakMemory()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static long PeakMemoryKb()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
