using System.Data.Common;
using Dapper;
using Imr.Archive.Search;
using Imr.Archive.Search.Impact;
using Npgsql;
using NpgsqlTypes;

namespace Imr.Archive.Storage;

/// <summary>The production engine: PostgreSQL. Searches are answered by the impact index, as on SQLite;
/// while it is not complete, by ts_rank_cd (cover density) over weighted tsvectors computed as read.</summary>
public sealed class PostgresArchive : SqlArchive
{
    private readonly NpgsqlDataSource _dataSource;
    private NpgsqlConnection? _connection;

    public PostgresArchive(string connectionString)
    {
        // Statements the import repeats per row are prepared by Npgsql after their second use.
        var builder = new NpgsqlConnectionStringBuilder(ToConnectionString(connectionString));
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 32;
        _dataSource = NpgsqlDataSource.Create(builder.ToString());
    }

    public override string Engine => "postgres";

    protected override DbConnection Connection => _connection ?? throw new InvalidOperationException("The archive is not open: call MigrateAsync first.");

    /// <summary>Accepts a keyword connection string or a postgres:// URL.</summary>
    public static string ToConnectionString(string db)
    {
        if (!db.Contains("://", StringComparison.Ordinal)) return db;
        var uri = new Uri(db);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = uri.AbsolutePath.Trim('/'),
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0) builder.Username = Uri.UnescapeDataString(userInfo[0]);
        if (userInfo.Length > 1) builder.Password = Uri.UnescapeDataString(userInfo[1]);
        return builder.ToString();
    }

    public override async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        _connection ??= await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // One migrator at a time across processes.
        await _connection.ExecuteAsync("SELECT pg_advisory_lock(4610)").ConfigureAwait(false);
        try
        {
            await MigrationRunner.RunAsync(_connection, Engine, cancellationToken).ConfigureAwait(false);
            await IndexBacklogAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await _connection.ExecuteAsync("SELECT pg_advisory_unlock(4610)").ConfigureAwait(false);
        }
    }

    // Advisory locks, held to the end of the transaction that takes them (keys of this product: 4610 the
    // migrations, above). READ COMMITTED alone would let two importers both read "not stored" and both
    // write a letter (the second failing on its unique key), or both merge the same segments of the
    // impact index (its postings then counted twice).
    private const long StoreLockKey = 4611;
    private const long IndexLockKey = 4612;

    protected override Task LockStoreAsync(DbTransaction transaction, CancellationToken cancellationToken) =>
        AdvisoryLockAsync(transaction, StoreLockKey, cancellationToken);

    protected override IndexLock IndexLock => (transaction, cancellationToken) => AdvisoryLockAsync(transaction, IndexLockKey, cancellationToken);

    private Task AdvisoryLockAsync(DbTransaction transaction, long key, CancellationToken cancellationToken) =>
        Connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key }, transaction, cancellationToken: cancellationToken));

    protected override async Task<IReadOnlyList<long>> NewLetterIdsAsync(DbTransaction transaction, int count, CancellationToken cancellationToken) =>
        await IdsAsync((NpgsqlConnection)Connection, transaction, "letters", count, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// A batch in a handful of round trips: the ids drawn from the sequences at once (the letters' before), then
    /// the letters, items, guidelines, specialties and licensure copied (binary COPY) into their tables.
    /// </summary>
    protected override async Task WriteAsync(DbTransaction transaction, StorePlan plan, IReadOnlyList<long> letterIds, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)Connection;
        if (plan.Retire.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE letters SET is_current = false WHERE letter_key = ANY(@keys) AND is_current",
                new { keys = plan.Retire.ToArray() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        var itemIds = await IdsAsync(connection, transaction, "items", plan.Letters.Sum(l => l.Letter.Items.Count), cancellationToken).ConfigureAwait(false);

        var importedAt = DateTime.UtcNow;
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY letters (id, {LetterColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            for (var n = 0; n < plan.Letters.Count; n++)
            {
                var (letter, version, current) = plan.Letters[n];
                var d = letter.Determination;
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(letterIds[n], NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(letter.Key, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(version, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(current, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(letter.ContentHash, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(letter.Source, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteAsync(copy, d.CaseNumber?.Value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteAsync(copy, d.DateAssigned, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                await WriteAsync(copy, d.DateOfInjury, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                await WriteAsync(copy, d.DecisionDate, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                await WriteAsync(copy, letter.DecisionMonth, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteAsync(copy, d.UrDenialDate, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                await WriteAsync(copy, d.ApplicationReceived, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                await WriteAsync(copy, letter.DaysToAssignment, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await WriteAsync(copy, letter.DaysToDecision, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await WriteAsync(copy, d.Priority?.ToString(), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteAsync(copy, d.CaseSummary, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(letter.Json, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(importedAt, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            }
            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        await CopyAsync(connection, "letter_licensure (letter_id, state)",
            plan.Letters.SelectMany((l, n) => l.Letter.Determination.Reviewer.Licensure.Distinct().Select(s => (letterIds[n], s))), cancellationToken).ConfigureAwait(false);
        await CopyAsync(connection, "letter_specialties (letter_id, specialty)",
            plan.Letters.SelectMany((l, n) => l.Letter.Determination.Reviewer.Specialties.Distinct().Select(s => (letterIds[n], s))), cancellationToken).ConfigureAwait(false);
        var items = plan.Letters.SelectMany((l, n) => l.Letter.Items.Select(item => (LetterId: letterIds[n], Item: item)))
            .Select((x, k) => (Id: itemIds[k], x.LetterId, x.Item)).ToList();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY items (id, letter_id, ordinal, treatment, decision, category, claims_administrator_guideline, reviewer_guideline, rationale) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false))
        {
            foreach (var (id, letterId, item) in items)
            {
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(id, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(letterId, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(item.Ordinal, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await WriteAsync(copy, item.Item.Treatment, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(item.Item.Decision.ToString(), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteAsync(copy, item.Category, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteAsync(copy, item.Item.ClaimsAdministratorGuideline, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteAsync(copy, item.Item.ReviewerGuideline, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteAsync(copy, item.Item.Rationale, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            }
            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        await CopyAsync(connection, "item_guidelines (item_id, guideline)",
            items.SelectMany(i => i.Item.Guidelines.Select(g => (i.Id, g))), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A segment's posting and lookup rows by binary COPY, as the letters are written.</summary>
    protected override async Task WritePostingsAsync(DbTransaction transaction, long segmentId, IReadOnlyList<PostingRow> rows, IReadOnlyList<LookupRow> lookups, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)Connection;
        await using (var lookupCopy = await connection.BeginBinaryImportAsync(
            "COPY impact_lookup (segment_id, term, last_id, postings) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var row in lookups)
            {
                await lookupCopy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await lookupCopy.WriteAsync(segmentId, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await lookupCopy.WriteAsync(row.Term, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await lookupCopy.WriteAsync(row.LastId, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await lookupCopy.WriteAsync(row.Postings, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
            }
            await lookupCopy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY impact_postings (segment_id, term, block, df, top_impact, postings, directory) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(segmentId, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(row.Term, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync((long)row.Block, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync((long)row.Df, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync((long)row.TopImpact, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(row.Postings, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
            if (row.Directory is null) await copy.WriteNullAsync(cancellationToken).ConfigureAwait(false);
            else await copy.WriteAsync(row.Directory, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
        }
        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    // A merge reads each input segment as one ordered query streamed on a pooled connection of its own
    // (committed segments, which only this merge deletes, at its commit), so that reading, decoding and
    // sorting the postings run on another thread while the merged segment is copied on the archive's
    // connection: the reads no longer wait behind the writes, a page at a time.
    protected override SegmentReader SegmentReader => (_, segmentId) => new StreamedSegment(_dataSource, segmentId);

    protected override bool SegmentReaderBesideWrites => true;

    /// <summary>A segment's rows in (term, block) order, one query read as it streams.</summary>
    private sealed class StreamedSegment(NpgsqlDataSource dataSource, long segmentId) : SegmentStream
    {
        private NpgsqlConnection? _connection;
        private NpgsqlCommand? _command;
        private NpgsqlDataReader? _reader;

        public override async ValueTask MoveNextAsync(CancellationToken cancellationToken)
        {
            if (_reader is null)
            {
                _connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                _command = new NpgsqlCommand("SELECT term, block, postings FROM impact_postings WHERE segment_id = @segmentId ORDER BY term, block", _connection);
                _command.Parameters.AddWithValue("segmentId", segmentId);
                _reader = await _command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
            }
            Current = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new StoredRow { Term = _reader.GetString(0), Block = _reader.GetInt64(1), Postings = await _reader.GetFieldValueAsync<byte[]>(2, cancellationToken).ConfigureAwait(false) }
                : null;
        }

        public override void Dispose()
        {
            _reader?.Dispose();
            _command?.Dispose();
            _connection?.Dispose();
        }
    }

    private static async Task<long[]> IdsAsync(NpgsqlConnection connection, DbTransaction transaction, string table, int count, CancellationToken cancellationToken) =>
        count == 0 ? [] : (await connection.QueryAsync<long>(new CommandDefinition(
            $"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, @count)",
            new { count }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToArray();

    private static async Task CopyAsync(NpgsqlConnection connection, string table, IEnumerable<(long Id, string Name)> rows, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        foreach (var (id, name) in rows)
        {
            await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(id, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(name, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        }
        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    // Nulls written as such (a missing date, a text the letter lacks).
    private static Task WriteAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } v ? copy.WriteAsync(v, type, cancellationToken) : copy.WriteNullAsync(cancellationToken);

    private static Task WriteAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, type, cancellationToken);

    protected override string KeyIn => "letter_key = ANY(@keys)";

    // Cover density over weighted tsvectors (D, C, B, A: treatments count most), computed for each
    // current letter as it is read: the letters keep none (migration 0008), as the impact index answers
    // every search but those of an index not yet complete, which this scan serves meanwhile.
    protected override string RankedSql(string filters) => $$"""
        WITH q AS (SELECT websearch_to_tsquery('english', @match) AS query)
        SELECT top.id AS Id, top.score AS Score
        FROM (SELECT m.id, ts_rank_cd('{0.2, 0.4, 1.0, 1.0}', m.search, q.query)::float8 AS score
              FROM (SELECT l.id,
                           setweight(to_tsvector('english', coalesce(t.treatments, '')), 'A') || setweight(to_tsvector('english', coalesce(t.rationales, '')), 'B')
                           || setweight(to_tsvector('english', l.case_summary), 'C') AS search
                    FROM letters l
                    LEFT JOIN LATERAL (SELECT string_agg(i.treatment, ' | ' ORDER BY i.ordinal) AS treatments,
                                              string_agg(i.rationale, ' | ' ORDER BY i.ordinal) AS rationales
                                       FROM items i WHERE i.letter_id = l.id) t ON true
                    WHERE l.is_current) m, q
              WHERE m.search @@ q.query
              ORDER BY score DESC LIMIT @window) top
        JOIN letters l ON l.id = top.id
        WHERE true {{filters}}
        ORDER BY top.score DESC
        LIMIT @limit
        """;

    protected override string MatchOf(IReadOnlyList<string> terms) => QueryTerms.ToWebsearch(terms);

    /// <summary>
    /// How a search reads: PostgreSQL 15 reads the heap pages of an index scan one at a time, waiting on
    /// each, and asks the kernel for pages ahead (effective_io_concurrency) only in a bitmap heap scan.
    /// A search reads a few hundred rows scattered over tables that at a million letters do not stay in
    /// memory (blocks, lookup blocks, the page's letters and items), so its transactions scan by bitmap
    /// with many pages asked for ahead: from a cold cache the reads overlap instead of queueing.
    /// </summary>
    internal const string SearchReads = "SET LOCAL enable_indexscan = off; SET LOCAL effective_io_concurrency = 256";

    protected override async Task<DbTransaction> BeginReadAsync(CancellationToken cancellationToken)
    {
        var transaction = await base.BeginReadAsync(cancellationToken).ConfigureAwait(false);
        await Connection.ExecuteAsync(new CommandDefinition(SearchReads, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return transaction;
    }

    /// <summary>The page's letters and items in a read transaction of its own, read as a search reads (<see cref="SearchReads"/>).</summary>
    protected override async Task<(IReadOnlyList<LetterHitRow> Letters, IReadOnlyList<ItemRow> Items)> PageRowsAsync(
        IReadOnlyList<long> ids, SearchQuery query, CancellationToken cancellationToken)
    {
        await using var transaction = await BeginReadAsync(cancellationToken).ConfigureAwait(false);
        var rows = await base.PageRowsAsync(ids, query, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }

    protected override async Task<IReadOnlyList<LetterHitRow>> PageAsync(DbConnection connection, IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<LetterHitRow>(new CommandDefinition(
            """
            SELECT l.id AS Id, l.source AS Source, l.case_number AS CaseNumber, to_char(l.decision_date, 'YYYY-MM-DD') AS DecisionDate, l.case_summary AS Summary
            FROM letters l WHERE l.id = ANY(@ids)
            """, new { ids = ids.ToArray() }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();

    public override async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }
}
