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

    /// <summary>The letter insert, returning the id; it may use every parameter of <see cref="LetterColumns"/>
    /// and <c>@treatments</c> and <c>@rationales</c> (the items' texts joined).</summary>
    protected abstract string InsertLetterSql { get; }

    /// <summary>The statement that adds a letter to a separate full-text index (<c>@id</c> and the
    /// parameters of <see cref="InsertLetterSql"/>), or null when the letter row indexes itself.</summary>
    protected abstract string? IndexLetterSql { get; }

    /// <summary>The letter columns, each bound from a parameter of the same name in camelCase.</summary>
    protected const string LetterColumns =
        "letter_key, version, is_current, content_hash, source, case_number, date_assigned, date_of_injury, decision_date, decision_month, " +
        "ur_denial_date, application_received, days_to_assignment, days_to_decision, priority, case_summary, determination, imported_at";

    protected const string LetterValues =
        "@key, @version, @current, @hash, @source, @caseNumber, @dateAssigned, @dateOfInjury, @decisionDate, @decisionMonth, " +
        "@urDenialDate, @applicationReceived, @daysToAssignment, @daysToDecision, @priority, @summary, @json, @importedAt";

    public async Task<IReadOnlyList<StoreOutcome>> StoreAsync(IReadOnlyList<LetterRecord> batch, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<StoreOutcome>(batch.Count);
        await using var transaction = await Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Statements prepared once a batch and bound per row: the cost of a letter is then the engine's.
        await using var statements = new StoreStatements(Connection, transaction, InsertLetterSql, IndexLetterSql);
        foreach (var letter in batch)
        {
            var versions = await statements.VersionsAsync(letter.Key, cancellationToken).ConfigureAwait(false);
            if (versions.Exists(v => v.Hash == letter.ContentHash))
            {
                outcomes.Add(StoreOutcome.Unchanged);
                continue;
            }
            if (versions.Count > 0) await statements.RetireAsync(letter.Key, cancellationToken).ConfigureAwait(false);
            var version = versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1;
            await statements.InsertAsync(letter, version, cancellationToken).ConfigureAwait(false);
            outcomes.Add(versions.Count == 0 ? StoreOutcome.Imported : StoreOutcome.NewVersion);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return outcomes;
    }

    public async Task<StoredLetter?> GetLetterAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        key = key.Trim();
        if (CaseNumber.TryParse(key, out var number)) key = number.Value.Value;
        var row = await Connection.QuerySingleOrDefaultAsync<StoredLetterRow>(new CommandDefinition(
            "SELECT letter_key AS Key, source AS Source, version AS Version, determination AS Json FROM letters WHERE letter_key = @key AND is_current = @current",
            new { key, current = true }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : new StoredLetter(row.Key, row.Source, (int)row.Version, Letters.LetterJson.Deserialize(row.Json));
    }

    private sealed class StoredLetterRow
    {
        public string Key { get; set; } = "";
        public string Source { get; set; } = "";
        public long Version { get; set; }
        public string Json { get; set; } = "";
    }

    public async Task<(long Stored, long Current)> CountAsync(CancellationToken cancellationToken = default)
    {
        var stored = await Connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM letters", cancellationToken: cancellationToken)).ConfigureAwait(false);
        var current = await Connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM letters WHERE is_current = @yes", new { yes = true }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return (stored, current);
    }

    /// <summary>The SQL conditions and parameters of a search's filters on letters <c>l</c>. The item
    /// filters (decision, category, guideline) must hold for one and the same item.</summary>
    protected static (string Sql, DynamicParameters Parameters) Filters(SearchQuery query)
    {
        var sql = new StringBuilder(" AND l.is_current = @current");
        var parameters = new DynamicParameters();
        parameters.Add("current", true);
        var (itemSql, _) = ItemFilters(query, parameters);
        if (itemSql.Length > 0) sql.Append(" AND EXISTS (SELECT 1 FROM items i WHERE i.letter_id = l.id").Append(itemSql).Append(')');
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

    /// <summary>The conditions on an item <c>i</c>, their parameters added to <paramref name="parameters"/>.</summary>
    private static (string Sql, DynamicParameters Parameters) ItemFilters(SearchQuery query, DynamicParameters parameters)
    {
        var sql = new StringBuilder();
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
        return (sql.ToString(), parameters);
    }

    /// <summary>
    /// Completes the engine's ranked letters into hits: each letter's items that pass the item filters,
    /// narrowed to those whose treatment or rationale holds a query word (all of them when the words
    /// matched only the summary).
    /// </summary>
    protected async Task<IReadOnlyList<SearchHit>> ToHitsAsync(IReadOnlyList<LetterHitRow> rows, SearchQuery query, IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return [];
        var parameters = new DynamicParameters();
        var (itemSql, _) = ItemFilters(query, parameters);
        var items = (await Connection.QueryAsync<ItemRow>(new CommandDefinition(
            $"SELECT i.letter_id AS LetterId, i.ordinal AS Ordinal, i.treatment AS Treatment, i.decision AS Decision, i.category AS Category, i.rationale AS Rationale FROM items i WHERE i.letter_id IN ({string.Join(',', rows.Select(r => r.Id))}){itemSql} ORDER BY i.letter_id, i.ordinal",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .GroupBy(i => i.LetterId)
            .ToDictionary(g => g.Key, g => g.ToList());
        var stems = terms.SelectMany(t => t.Split(' ')).Select(Stem).ToList();
        var hits = new List<SearchHit>(rows.Count);
        foreach (var row in rows)
        {
            var candidates = items.GetValueOrDefault(row.Id) ?? [];
            var matched = candidates.Where(i => stems.Exists(s => HasStem(i.Treatment, s) || HasStem(i.Rationale, s))).ToList();
            if (matched.Count == 0) matched = candidates;
            var hitItems = matched.Select(i => new HitItem((int)i.Ordinal, i.Treatment, Enum.Parse<Decision>(i.Decision), i.Category)).ToList();
            hits.Add(new SearchHit(
                row.Source,
                row.CaseNumber,
                row.DecisionDate is null ? null : DateOnly.Parse(row.DecisionDate[..10], System.Globalization.CultureInfo.InvariantCulture),
                hitItems,
                hitItems.Count > 0 ? hitItems[0].Decision : Decision.Upheld,
                Math.Round(row.Score, 4),
                Letters.TextNormalization.Normalize(row.Snippet)));
        }
        return hits;
    }

    // A crude stem (the engines stem with Porter's algorithm; this only decides which items to show).
    private static string Stem(string word)
    {
        var w = word.ToLowerInvariant();
        return w.Length > 5 ? w[..Math.Max(5, w.Length - 3)] : w;
    }

    private static bool HasStem(string text, string stem)
    {
        var at = 0;
        while ((at = text.IndexOf(stem, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            if (at == 0 || !char.IsLetterOrDigit(text[at - 1])) return true;
            at++;
        }
        return false;
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

    /// <summary>A ranked letter as the engines' search queries return it (mapped by column name).</summary>
    protected sealed class LetterHitRow
    {
        public long Id { get; set; }
        public string Source { get; set; } = "";
        public string? CaseNumber { get; set; }
        public string? DecisionDate { get; set; }
        public double Score { get; set; }
        public string Snippet { get; set; } = "";
    }

    private sealed class ItemRow
    {
        public long LetterId { get; set; }
        public long Ordinal { get; set; }
        public string Treatment { get; set; } = "";
        public string Decision { get; set; } = "";
        public string Category { get; set; } = "";
        public string Rationale { get; set; } = "";
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
