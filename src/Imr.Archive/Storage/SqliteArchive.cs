using System.Data.Common;
using Dapper;
using Imr.Archive.Search;
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
            // batch intact. NORMAL sync is durable across process crashes in WAL mode.
            await _connection.ExecuteAsync("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;").ConfigureAwait(false);
        }
        await MigrationRunner.RunAsync(_connection, Engine, cancellationToken).ConfigureAwait(false);
    }

    protected override string InsertLetterSql => $"INSERT INTO letters ({LetterColumns}) VALUES ({LetterValues}) RETURNING id";

    protected override string IndexLetterSql =>
        "INSERT INTO letters_fts (rowid, case_summary, treatments, rationales) VALUES (@id, @summary, @treatments, @rationales)";

    public override async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        var terms = QueryTerms.Parse(query.Text);
        if (terms.Count == 0) return [];
        var (filters, parameters) = Filters(query);
        parameters.Add("match", QueryTerms.ToFts5(terms));
        parameters.Add("limit", Math.Clamp(query.Limit, 1, 1000));
        // Column weights: a match in a treatment counts most, then in a rationale, then in the summary.
        // Ranked first, then the snippets of the page of hits only (a snippet reads the letter's text).
        var sql = $"""
            WITH top AS (
                SELECT letters_fts.rowid AS id, bm25(letters_fts, 0.5, 4.0, 1.0) AS rank
                FROM letters_fts
                JOIN letters l ON l.id = letters_fts.rowid
                WHERE letters_fts MATCH @match {filters}
                ORDER BY rank
                LIMIT @limit)
            SELECT l.id AS Id, l.source AS Source, l.case_number AS CaseNumber, l.decision_date AS DecisionDate,
                   -top.rank AS Score, snippet(letters_fts, -1, '[', ']', '…', 16) AS Snippet
            FROM top
            JOIN letters_fts ON letters_fts.rowid = top.id
            JOIN letters l ON l.id = top.id
            WHERE letters_fts MATCH @match
            ORDER BY top.rank
            """;
        var rows = (await _connection.QueryAsync<LetterHitRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        return await ToHitsAsync(rows, query, terms, cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync() => await _connection.DisposeAsync().ConfigureAwait(false);
}
