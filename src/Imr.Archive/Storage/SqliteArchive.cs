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

    protected override Task<long> InsertLetterAsync(DbTransaction transaction, LetterRecord letter, int version, CancellationToken cancellationToken) =>
        _connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertLetterSql, LetterParameters(letter, version), transaction, cancellationToken: cancellationToken));

    protected override async Task<long> InsertItemAsync(DbTransaction transaction, long letterId, LetterRecord letter, ItemRecord item, CancellationToken cancellationToken)
    {
        var id = await _connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertItemSql, ItemParameters(letterId, item), transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await _connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO items_fts (rowid, treatment, rationale, case_summary) VALUES (@id, @treatment, @rationale, @summary)",
            new { id, treatment = item.Item.Treatment, rationale = item.Item.Rationale, summary = letter.Determination.CaseSummary },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return id;
    }

    public override async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        var terms = QueryTerms.Parse(query.Text);
        if (terms.Count == 0) return [];
        var (filters, parameters) = Filters(query);
        parameters.Add("match", QueryTerms.ToFts5(terms));
        parameters.Add("limit", Math.Clamp(query.Limit, 1, 1000));
        // Column weights: a match in the treatment counts most, then the rationale, then the summary.
        var sql = $"""
            SELECT l.source AS Source, l.case_number AS CaseNumber, l.decision_date AS DecisionDate,
                   i.ordinal AS Ordinal, i.treatment AS Treatment, i.decision AS Decision, i.category AS Category,
                   -bm25(items_fts, 4.0, 1.0, 0.5) AS Score,
                   snippet(items_fts, -1, '[', ']', '…', 16) AS Snippet
            FROM items_fts
            JOIN items i ON i.id = items_fts.rowid
            JOIN letters l ON l.id = i.letter_id
            WHERE items_fts MATCH @match {filters}
            ORDER BY bm25(items_fts, 4.0, 1.0, 0.5)
            LIMIT @limit
            """;
        var rows = await _connection.QueryAsync<HitRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToHit()).ToList();
    }

    public override async ValueTask DisposeAsync() => await _connection.DisposeAsync().ConfigureAwait(false);

    internal const string InsertLetterSql = """
        INSERT INTO letters (letter_key, version, is_current, content_hash, source, case_number, date_assigned, date_of_injury,
                             decision_date, decision_month, ur_denial_date, application_received, days_to_assignment, days_to_decision,
                             priority, case_summary, determination, imported_at)
        VALUES (@key, @version, @current, @hash, @source, @caseNumber, @dateAssigned, @dateOfInjury,
                @decisionDate, @decisionMonth, @urDenialDate, @applicationReceived, @daysToAssignment, @daysToDecision,
                @priority, @summary, @json, @importedAt)
        RETURNING id
        """;

    internal const string InsertItemSql = """
        INSERT INTO items (letter_id, ordinal, treatment, decision, category, claims_administrator_guideline, reviewer_guideline, rationale)
        VALUES (@letterId, @ordinal, @treatment, @decision, @category, @claims, @reviewer, @rationale)
        RETURNING id
        """;

    internal static object LetterParameters(LetterRecord letter, int version)
    {
        var d = letter.Determination;
        return new
        {
            key = letter.Key,
            version,
            current = true,
            hash = letter.ContentHash,
            source = letter.Source,
            caseNumber = d.CaseNumber?.Value,
            dateAssigned = d.DateAssigned,
            dateOfInjury = d.DateOfInjury,
            decisionDate = d.DecisionDate,
            decisionMonth = letter.DecisionMonth,
            urDenialDate = d.UrDenialDate,
            applicationReceived = d.ApplicationReceived,
            daysToAssignment = letter.DaysToAssignment,
            daysToDecision = letter.DaysToDecision,
            priority = d.Priority?.ToString(),
            summary = d.CaseSummary,
            json = letter.Json,
            importedAt = DateTime.UtcNow,
        };
    }

    internal static object ItemParameters(long letterId, ItemRecord item) => new
    {
        letterId,
        ordinal = item.Ordinal,
        treatment = item.Item.Treatment,
        decision = item.Item.Decision.ToString(),
        category = item.Category,
        claims = item.Item.ClaimsAdministratorGuideline,
        reviewer = item.Item.ReviewerGuideline,
        rationale = item.Item.Rationale,
    };
}
