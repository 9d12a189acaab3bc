using System.Data.Common;
using System.Text;
using Dapper;
using Imr.Archive.Reports;
using Imr.Archive.Search;
using Imr.Letters.Model;

namespace Imr.Archive.Storage;

/// <summary>
/// What the two engines share: the store's version logic, the filters of a search and the report's
/// queries (plain SQL both engines run). Engines supply the connection and the full-text parts.
/// </summary>
public abstract class SqlArchive : IArchive
{
    public abstract string Engine { get; }

    protected abstract DbConnection Connection { get; }

    public abstract Task MigrateAsync(CancellationToken cancellationToken = default);

    public abstract Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default);

    public abstract ValueTask DisposeAsync();

    /// <summary>Inserts the letter row (its version decided by the caller) and returns its id.</summary>
    protected abstract Task<long> InsertLetterAsync(DbTransaction transaction, LetterRecord letter, int version, CancellationToken cancellationToken);

    /// <summary>Inserts an item with its full-text entry and returns its id.</summary>
    protected abstract Task<long> InsertItemAsync(DbTransaction transaction, long letterId, LetterRecord letter, ItemRecord item, CancellationToken cancellationToken);

    public async Task<IReadOnlyList<StoreOutcome>> StoreAsync(IReadOnlyList<LetterRecord> batch, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<StoreOutcome>(batch.Count);
        await using var transaction = await Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var letter in batch)
        {
            var versions = (await Connection.QueryAsync<(int Version, string Hash)>(new CommandDefinition(
                "SELECT version, content_hash FROM letters WHERE letter_key = @key",
                new { key = letter.Key }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
            if (versions.Exists(v => v.Hash == letter.ContentHash))
            {
                outcomes.Add(StoreOutcome.Unchanged);
                continue;
            }
            if (versions.Count > 0)
            {
                await Connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE letters SET is_current = @no WHERE letter_key = @key",
                    new { no = false, key = letter.Key }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
            var letterId = await InsertLetterAsync(transaction, letter, versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1, cancellationToken).ConfigureAwait(false);
            await InsertNamesAsync(transaction, "letter_licensure", "state", letterId, letter.Determination.Reviewer.Licensure, cancellationToken).ConfigureAwait(false);
            await InsertNamesAsync(transaction, "letter_specialties", "specialty", letterId, letter.Determination.Reviewer.Specialties, cancellationToken).ConfigureAwait(false);
            foreach (var item in letter.Items)
            {
                var itemId = await InsertItemAsync(transaction, letterId, letter, item, cancellationToken).ConfigureAwait(false);
                foreach (var guideline in item.Guidelines)
                {
                    await Connection.ExecuteAsync(new CommandDefinition(
                        "INSERT INTO item_guidelines (item_id, guideline) VALUES (@itemId, @guideline)",
                        new { itemId, guideline }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                }
            }
            outcomes.Add(versions.Count == 0 ? StoreOutcome.Imported : StoreOutcome.NewVersion);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return outcomes;
    }

    private async Task InsertNamesAsync(DbTransaction transaction, string table, string column, long letterId, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        foreach (var name in names.Distinct())
        {
            await Connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO {table} (letter_id, {column}) VALUES (@letterId, @name)",
                new { letterId, name }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    public async Task<(long Stored, long Current)> CountAsync(CancellationToken cancellationToken = default)
    {
        var stored = await Connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM letters", cancellationToken: cancellationToken)).ConfigureAwait(false);
        var current = await Connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM letters WHERE is_current = @yes", new { yes = true }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return (stored, current);
    }

    /// <summary>The SQL conditions and parameters of a search's filters (on items <c>i</c> and letters <c>l</c>).</summary>
    protected static (string Sql, DynamicParameters Parameters) Filters(SearchQuery query)
    {
        var sql = new StringBuilder(" AND l.is_current = @current");
        var parameters = new DynamicParameters();
        parameters.Add("current", true);
        if (query.Decision is { } decision)
        {
            sql.Append(" AND i.decision = @decision");
            parameters.Add("decision", decision.ToString());
        }
        if (!string.IsNullOrWhiteSpace(query.Category))
        {
            sql.Append(" AND i.category = @category");
            parameters.Add("category", query.Category.Trim());
        }
        if (!string.IsNullOrWhiteSpace(query.Guideline))
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM item_guidelines g WHERE g.item_id = i.id AND lower(g.guideline) LIKE @guideline)");
            parameters.Add("guideline", Contains(query.Guideline));
        }
        if (!string.IsNullOrWhiteSpace(query.Specialty))
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM letter_specialties s WHERE s.letter_id = l.id AND lower(s.specialty) LIKE @specialty)");
            parameters.Add("specialty", Contains(query.Specialty));
        }
        if (!string.IsNullOrWhiteSpace(query.State))
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM letter_licensure st WHERE st.letter_id = l.id AND lower(st.state) LIKE @state)");
            parameters.Add("state", Contains(query.State));
        }
        AddPeriod(sql, parameters, query.From, query.To);
        return (sql.ToString(), parameters);
    }

    private static void AddPeriod(StringBuilder sql, DynamicParameters parameters, DateOnly? from, DateOnly? to)
    {
        if (from is { } f)
        {
            sql.Append(" AND l.decision_date >= @from");
            parameters.Add("from", f);
        }
        if (to is { } t)
        {
            sql.Append(" AND l.decision_date <= @to");
            parameters.Add("to", t);
        }
    }

    private static string Contains(string text) => "%" + text.Trim().ToLowerInvariant().Replace("%", "", StringComparison.Ordinal) + "%";

    /// <summary>A row as the engines' search queries return it (mapped by column name).</summary>
    protected sealed class HitRow
    {
        public string Source { get; set; } = "";
        public string? CaseNumber { get; set; }
        public string? DecisionDate { get; set; }
        public long Ordinal { get; set; }
        public string Treatment { get; set; } = "";
        public string Decision { get; set; } = "";
        public string Category { get; set; } = "";
        public double Score { get; set; }
        public string Snippet { get; set; } = "";

        public SearchHit ToHit()
        {
            var decision = Enum.Parse<Decision>(Decision);
            return new SearchHit(
                Source,
                CaseNumber,
                DecisionDate is null ? null : DateOnly.Parse(DecisionDate[..10], System.Globalization.CultureInfo.InvariantCulture),
                [new HitItem((int)Ordinal, Treatment, decision, Category)],
                decision,
                Math.Round(Score, 4),
                Letters.TextNormalization.Normalize(Snippet));
        }
    }

    public async Task<ArchiveReport> ReportAsync(ReportQuery query, CancellationToken cancellationToken = default)
    {
        var where = new StringBuilder("l.is_current = @current");
        var parameters = new DynamicParameters();
        parameters.Add("current", true);
        AddPeriod(where, parameters, query.From, query.To);
        var w = where.ToString();

        async Task<List<ReportRow>> Rows(string key, string joins, string order)
        {
            var sql = $"""
                SELECT {key} AS Key, COUNT(DISTINCT l.id) AS Letters, COUNT(i.id) AS Items,
                       COALESCE(SUM(CASE WHEN i.decision = 'Overturned' THEN 1 ELSE 0 END), 0) AS Overturned
                FROM letters l LEFT JOIN items i ON i.letter_id = l.id {joins}
                WHERE {w}
                GROUP BY {key}
                ORDER BY {order}
                """;
            var rows = await Connection.QueryAsync<(string? Key, long Letters, long Items, long Overturned)>(
                new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return rows.Select(r => new ReportRow(r.Key ?? "unknown", r.Letters, r.Items, r.Overturned)).ToList();
        }

        async Task<DayStatistics> Days(string column)
        {
            var histogram = await Connection.QueryAsync<(int Days, long Count)>(new CommandDefinition(
                $"SELECT l.{column}, COUNT(*) FROM letters l WHERE {w} AND l.{column} IS NOT NULL GROUP BY l.{column}",
                parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return DayStatistics.From(histogram.ToList());
        }

        var total = (await Connection.QueryAsync<(long Letters, long Items, long Overturned)>(new CommandDefinition(
            $"""
            SELECT COUNT(DISTINCT l.id), COUNT(i.id), COALESCE(SUM(CASE WHEN i.decision = 'Overturned' THEN 1 ELSE 0 END), 0)
            FROM letters l LEFT JOIN items i ON i.letter_id = l.id WHERE {w}
            """, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).Single();
        return new ArchiveReport(
            query,
            total.Letters,
            total.Items,
            total.Overturned,
            await Rows("l.decision_month", "", "1"),
            await Rows("i.category", "", "3 DESC, 1"),
            await Rows("g.guideline", "JOIN item_guidelines g ON g.item_id = i.id", "3 DESC, 1"),
            await Rows("s.specialty", "JOIN letter_specialties s ON s.letter_id = l.id", "2 DESC, 1"),
            await Rows("st.state", "JOIN letter_licensure st ON st.letter_id = l.id", "2 DESC, 1"),
            await Days("days_to_assignment"),
            await Days("days_to_decision"));
    }
}
