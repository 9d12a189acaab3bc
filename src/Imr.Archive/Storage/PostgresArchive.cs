using System.Data.Common;
using Dapper;
using Imr.Archive.Search;
using Npgsql;

namespace Imr.Archive.Storage;

/// <summary>The production engine: PostgreSQL, full text with weighted tsvectors and a GIN index.
/// PostgreSQL has no BM25; results are ranked with ts_rank_cd (cover density) over the same weights.</summary>
public sealed class PostgresArchive : SqlArchive
{
    private readonly NpgsqlDataSource _dataSource;
    private NpgsqlConnection? _connection;

    public PostgresArchive(string connectionString)
    {
        _dataSource = NpgsqlDataSource.Create(ToConnectionString(connectionString));
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
        }
        finally
        {
            await _connection.ExecuteAsync("SELECT pg_advisory_unlock(4610)").ConfigureAwait(false);
        }
    }

    protected override Task<long> InsertLetterAsync(DbTransaction transaction, LetterRecord letter, int version, CancellationToken cancellationToken)
    {
        var parameters = LetterParameters(letter, version);
        parameters.Add("treatments", string.Join(" | ", letter.Determination.Items.Select(i => i.Treatment)));
        parameters.Add("rationales", string.Join(" | ", letter.Determination.Items.Select(i => i.Rationale)));
        var sql = InsertLetterSql(
            ", search",
            """
            , setweight(to_tsvector('english', @treatments), 'A') || setweight(to_tsvector('english', @rationales), 'B')
              || setweight(to_tsvector('english', @summary), 'C')
            """);
        return Connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
    }

    // The tsvector is written with the letter row.
    protected override Task IndexLetterAsync(DbTransaction transaction, long letterId, LetterRecord letter, CancellationToken cancellationToken) => Task.CompletedTask;

    public override async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        var terms = QueryTerms.Parse(query.Text);
        if (terms.Count == 0) return [];
        var (filters, parameters) = Filters(query);
        parameters.Add("match", QueryTerms.ToWebsearch(terms));
        parameters.Add("limit", Math.Clamp(query.Limit, 1, 1000));
        // The headline is computed for the page of hits only, outside the ranked subquery.
        var sql = $$"""
            WITH q AS (SELECT websearch_to_tsquery('english', @match) AS query)
            SELECT hit.Id, hit.Source, hit.CaseNumber, hit.DecisionDate, hit.Score,
                   ts_headline('english',
                               (SELECT string_agg(i.treatment || ': ' || i.rationale, ' … ' ORDER BY i.ordinal) FROM items i WHERE i.letter_id = hit.Id)
                               || ' … ' || hit.Summary, q.query,
                               'StartSel=[, StopSel=], MaxFragments=2, MaxWords=16, MinWords=6, FragmentDelimiter=" … "') AS Snippet
            FROM (
                SELECT l.id AS Id, l.source AS Source, l.case_number AS CaseNumber, to_char(l.decision_date, 'YYYY-MM-DD') AS DecisionDate,
                       l.case_summary AS Summary,
                       ts_rank_cd('{0.2, 0.4, 1.0, 1.0}', l.search, q.query)::float8 AS Score
                FROM letters l, q
                WHERE l.search @@ q.query {{filters}}
                ORDER BY Score DESC
                LIMIT @limit
            ) hit, q
            ORDER BY hit.Score DESC
            """;
        var rows = (await Connection.QueryAsync<LetterHitRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        return await ToHitsAsync(rows, query, terms, cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }
}
