using System.Data.Common;
using Dapper;
using Imr.Archive.Search;
using Imr.Archive.Search.Impact;
using Microsoft.Data.Sqlite;

namespace Imr.Archive.Storage;

/// <summary>The embedded engine: one SQLite file, full text with FTS5 and BM25.</summary>
public sealed class SqliteArchive : SqlArchive
{
    private static readonly Lazy<bool> Initialized = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    private readonly SqliteConnection _connection;

    public SqliteArchive(string path)
    {
        _ = Initialized.Value;
        Path = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    public override string Engine => "sqlite";

    protected override DbConnection Connection => _connection;

    public override async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (_connection.State != System.Data.ConnectionState.Open)
        {
            await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // WAL: readers never block the importer, and a killed import leaves the last committed
            // batch intact. NORMAL sync is durable across process crashes in WAL mode. A page cache of
            // 64 MB (a fixed bound, whatever the number of letters) keeps the indexes' upper levels in
            // memory at a million letters. Pages of 16 KB (taken by a new database only; before WAL
            // is set): a lookup block of the impact index, a few KB, then stays in its B-tree page
            // instead of spilling to overflow pages, so that a search from a cold cache reads a third
            // of the pages (at a million letters p99 78 ms against 284 with 4 KB pages).
            await _connection.ExecuteAsync(
                "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; " +
                "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;").ConfigureAwait(false);
        }
        await MigrationRunner.RunAsync(_connection, Engine, cancellationToken).ConfigureAwait(false);
        await IndexBacklogAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override Task<DbTransaction> BeginReadAsync(CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(_connection.BeginTransaction(deferred: true));

    // In process, a statement costs little more than the engine's work: statements prepared once a
    // batch and bound by position per row (see SqliteStatement).
    protected override Task WriteAsync(DbTransaction transaction, StorePlan plan, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        using var statements = new StoreStatements(_connection);
        foreach (var key in plan.Retire) statements.Retire(key);
        for (var n = 0; n < plan.Letters.Count; n++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (letter, version, current) = plan.Letters[n];
            var (treatments, rationales) = ItemTexts(letter);
            statements.Insert(ids[n], letter, version, current, treatments, rationales);
        }
        return Task.CompletedTask;
    }

    // The next ids after the highest stored, as SQLite itself would give them: the write transaction
    // (BEGIN IMMEDIATE) holds the database's only write lock, so no other writer takes them meanwhile.
    protected override async Task<IReadOnlyList<long>> NewLetterIdsAsync(DbTransaction transaction, int count, CancellationToken cancellationToken)
    {
        var last = await _connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE(MAX(id), 0) FROM letters", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var ids = new long[count];
        for (var n = 0; n < count; n++) ids[n] = last + 1 + n;
        return ids;
    }

    protected override Task WritePostingsAsync(DbTransaction transaction, long segmentId, IReadOnlyList<PostingRow> rows, IReadOnlyList<LookupRow> lookups, CancellationToken cancellationToken)
    {
        using (var insert = new SqliteStatement(_connection,
            "INSERT INTO impact_postings (segment_id, term, block, df, top_impact, postings, directory) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"))
        {
            foreach (var row in rows)
                insert.Bind(1, segmentId).Bind(2, row.Term).Bind(3, row.Block).Bind(4, row.Df).Bind(5, row.TopImpact).Bind(6, row.Postings).Bind(7, row.Directory).Run();
        }
        using (var insert = new SqliteStatement(_connection, "INSERT INTO impact_lookup (segment_id, term, last_id, postings) VALUES (?1, ?2, ?3, ?4)"))
        {
            foreach (var row in lookups) insert.Bind(1, segmentId).Bind(2, row.Term).Bind(3, row.LastId).Bind(4, row.Postings).Run();
        }
        return Task.CompletedTask;
    }

    // A merge reads each input segment through one open statement, stepped row by row, on a
    // connection of its own (in WAL mode a reader sees the last commit, which holds the inputs, while
    // the merge writes the merged segment), so that reading, decoding and sorting the postings run on
    // another thread than the writes.
    protected override SegmentReader SegmentReader => (_, segmentId) => new StatementSegmentStream(Reader, segmentId);

    protected override bool SegmentReaderBesideWrites => true;

    private SqliteConnection? _reader;

    private SqliteConnection Reader
    {
        get
        {
            if (_reader is null)
            {
                _reader = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
                _reader.Open();
            }
            return _reader;
        }
    }

    private sealed class StatementSegmentStream : SegmentStream
    {
        private readonly SqliteStatement _rows;
        private bool _end;

        public StatementSegmentStream(SqliteConnection connection, long segmentId)
        {
            _rows = new SqliteStatement(connection, "SELECT term, block, postings FROM impact_postings WHERE segment_id = ?1 ORDER BY term, block");
            _rows.Bind(1, segmentId);
        }

        public override ValueTask MoveNextAsync(CancellationToken cancellationToken)
        {
            // Stepped past its last row, a statement would start over.
            _end = _end || !_rows.Step();
            Current = !_end ? new StoredRow { Term = _rows.Text(0)!, Block = _rows.Int64(1), Postings = _rows.Blob(2) } : null;
            return ValueTask.CompletedTask;
        }

        public override void Dispose() => _rows.Dispose();
    }

    // Column weights: a match in a treatment counts most, then in a rationale, then in the summary.
    // FTS5 sorts by its rank column itself (each row scored once) when asked for ORDER BY rank.
    protected override string RankedSql(string filters) => $"""
        SELECT top.id AS Id, -top.rank AS Score
        FROM (SELECT rowid AS id, rank FROM letters_fts
              WHERE letters_fts MATCH @match AND rank MATCH 'bm25(0.5, 4.0, 1.0)'
              ORDER BY rank LIMIT @window) top
        JOIN letters l ON l.id = top.id
        WHERE 1 = 1 {filters}
        ORDER BY top.rank
        LIMIT @limit
        """;

    // Without statistics SQLite's planner would read the letters by the index on is_current (every
    // current letter) rather than by id; CROSS JOIN makes it take the ids first, and letters_filter
    // (migration 0005) holds the columns the filters read, so that the letters' rows are not read.
    protected override string PassingSql(IReadOnlyList<long> ids, string filters) =>
        $"WITH candidates (id) AS (VALUES {string.Join(',', ids.Select(id => $"({id})"))}) " +
        $"SELECT l.id FROM candidates CROSS JOIN letters l INDEXED BY letters_filter ON l.id = candidates.id WHERE 1 = 1{filters}";

    protected override string MatchOf(IReadOnlyList<string> terms) => QueryTerms.ToFts5(terms);

    protected override async Task<IReadOnlyList<LetterHitRow>> PageAsync(DbConnection connection, IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<LetterHitRow>(new CommandDefinition(
            $"""
            WITH page (id) AS (VALUES {string.Join(',', ids.Select(id => $"({id})"))})
            SELECT l.id AS Id, l.source AS Source, l.case_number AS CaseNumber, l.decision_date AS DecisionDate, l.case_summary AS Summary
            FROM page JOIN letters l ON l.id = page.id
            """, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();

    private Checkpoints? _checkpoints;

    // SQLite copies the write-ahead log into the database (a checkpoint, with an fsync) in the
    // committing thread by default, once the log holds 1,000 pages: during an import, after nearly
    // every batch, on the thread the import waits for. Once letters are stored, a connection of its
    // own does that work after each commit, beside the next batch; the importing connection only
    // checkpoints itself should the log pass 16,384 pages (256 MB) meanwhile.
    protected override void Committed()
    {
        if (_checkpoints is null)
        {
            _connection.Execute("PRAGMA wal_autocheckpoint = 16384");
            _checkpoints = new Checkpoints(Path);
        }
        _checkpoints.Committed();
    }

    /// <summary>Checkpoints of the write-ahead log on a connection and a thread of their own, each
    /// after a commit (passive: they never block the writer, and copy only what is committed).</summary>
    private sealed class Checkpoints : IAsyncDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SemaphoreSlim _committed = new(0);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public Checkpoints(string path)
        {
            _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            _connection.Open();
            _loop = Task.Run(LoopAsync);
        }

        public void Committed()
        {
            if (_committed.CurrentCount == 0) _committed.Release();
        }

        private async Task LoopAsync()
        {
            while (true)
            {
                try
                {
                    await _committed.WaitAsync(_stop.Token).ConfigureAwait(false);
                    await _connection.ExecuteAsync("PRAGMA wal_checkpoint(PASSIVE)").ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (SqliteException)
                {
                    // Left to the next checkpoint (or to the importing connection's own).
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await _loop.ConfigureAwait(false);
            await _connection.DisposeAsync().ConfigureAwait(false);
            _stop.Dispose();
            _committed.Dispose();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (_checkpoints is not null) await _checkpoints.DisposeAsync().ConfigureAwait(false);
        if (_reader is not null) await _reader.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
