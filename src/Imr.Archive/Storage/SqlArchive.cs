using System.Data.Common;
using System.Text;
using Dapper;
using Imr.Archive.Reports;
using Imr.Archive.Search;
using Imr.Archive.Search.Impact;
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

    /// <summary>
    /// The letters matching <c>@match</c> (the engine's query syntax) that pass <paramref name="filters"/>
    /// (conditions on letters <c>l</c>), best first, at most <c>@limit</c>, as <c>Id</c> and <c>Score</c>
    /// (higher is better). The ranking is cut to the best <c>@window</c> matches before the filters apply.
    /// </summary>
    protected abstract string RankedSql(string filters);

    /// <summary>The engine's form of the query's terms, bound as <c>@match</c>.</summary>
    protected abstract string MatchOf(IReadOnlyList<string> terms);

    /// <summary>The page of hits: source, case number, decision date and case summary of each of the
    /// letters <paramref name="ids"/> (Score and Snippet are filled in by the caller), read on
    /// <paramref name="connection"/>.</summary>
    protected abstract Task<IReadOnlyList<LetterHitRow>> PageAsync(DbConnection connection, IReadOnlyList<long> ids, CancellationToken cancellationToken);

    /// <summary>The page's letters (<see cref="PageAsync"/>) and every item of theirs (<see cref="ItemsAsync"/>).</summary>
    protected virtual async Task<(IReadOnlyList<LetterHitRow> Letters, IReadOnlyList<ItemRow> Items)> PageRowsAsync(
        IReadOnlyList<long> ids, SearchQuery query, CancellationToken cancellationToken) =>
        (await PageAsync(Connection, ids, cancellationToken).ConfigureAwait(false), await ItemsAsync(Connection, ids, query, cancellationToken).ConfigureAwait(false));

    /// <summary>Every item of the letters <paramref name="ids"/> (the snippet reads them all), each marked
    /// as passing the query's item filters or not, read on <paramref name="connection"/>.</summary>
    protected static async Task<IReadOnlyList<ItemRow>> ItemsAsync(DbConnection connection, IReadOnlyList<long> ids, SearchQuery query, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        var (itemSql, _) = ItemFilters(query, parameters);
        return (await connection.QueryAsync<ItemRow>(new CommandDefinition(
            $"SELECT i.letter_id AS LetterId, i.ordinal AS Ordinal, i.treatment AS Treatment, i.decision AS Decision, i.category AS Category, i.rationale AS Rationale, " +
            $"CASE WHEN 1 = 1{itemSql} THEN 1 ELSE 0 END AS Passes FROM items i WHERE i.letter_id IN ({string.Join(',', ids)}) ORDER BY i.letter_id, i.ordinal",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
    }

    /// <summary>
    /// Ranks with the full-text engine alone first, over a window of its best matches, and applies
    /// the filters (joins on letters and items) to that window only: a filter most letters pass costs
    /// nearly nothing. When the window leaves fewer hits than asked for, the query is run again over
    /// all matches, so the answer is always the filtered ranking's. Snippets are made for the page only.
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var terms = QueryTerms.Parse(query.Text);
        if (terms.Count == 0) return [];
        var limit = Math.Clamp(query.Limit, 1, 1000);
        ImpactIndexStatistics.Searches++;
        if (await ImpactSearchAsync(query, terms, limit, cancellationToken).ConfigureAwait(false) is { } answered) return answered;
        var (filters, parameters) = Filters(query);
        var match = MatchOf(terms);
        parameters.Add("match", match);
        parameters.Add("limit", limit);
        var sql = RankedSql(filters);
        List<RankedRow> ranked = [];
        foreach (var window in new[] { FirstWindow ?? Math.Max(limit * 10L, 200L), long.MaxValue })
        {
            parameters.Add("window", window);
            ranked = (await Connection.QueryAsync<RankedRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
            if (ranked.Count >= limit) break;
        }
        return await PageOfHitsAsync(ranked.Select(r => (r.Id, r.Score)).ToList(), query, terms, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The hits of ranked letters (id and score, best first): their snippets and items, for the page only.</summary>
    private async Task<IReadOnlyList<SearchHit>> PageOfHitsAsync(
        IReadOnlyList<(long Id, double Score)> ranked, SearchQuery query, IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        if (ranked.Count == 0) return [];
        var (letters, items) = await PageRowsAsync(ranked.Select(r => r.Id).ToList(), query, cancellationToken).ConfigureAwait(false);
        var page = letters.ToDictionary(r => r.Id);
        var rows = ranked.Where(r => page.ContainsKey(r.Id)).Select(r =>
        {
            var row = page[r.Id];
            row.Score = r.Score;
            return row;
        }).ToList();
        return ToHits(rows, items, terms);
    }

    /// <summary>
    /// The search through the impact index (see <see cref="ImpactSearch"/>), in a read transaction so
    /// that a merge committed meanwhile cannot change what it reads; null when the index cannot answer
    /// and the engine's full-text ranking must: an archive whose older letters are not indexed yet, or a
    /// query of more than 64 distinct stems. A quoted phrase is ranked by its stems and checked on the
    /// candidates' texts (<see cref="Phrases"/>).
    /// </summary>
    private async Task<IReadOnlyList<SearchHit>?> ImpactSearchAsync(SearchQuery query, IReadOnlyList<string> terms, int limit, CancellationToken cancellationToken)
    {
        var stems = terms.SelectMany(Tokenizer.Stems).Distinct(StringComparer.Ordinal).ToList();
        if (stems.Count is 0 or > 64) return null;
        var phrases = Phrases.Of(terms);
        IReadOnlyList<ImpactHit> ranked;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using (var transaction = await BeginReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var (complete, segments) = await Impact.SnapshotAsync(transaction, cancellationToken).ConfigureAwait(false);
            if (!complete) return null;
            var (filters, parameters) = Filters(query);
            // The current version and the decision and category filters are checked in memory, from
            // the retired versions and the facet's letters (each read once); the others (guideline,
            // specialty, state, dates) by the database, for the letters that pass those.
            var facet = Facets.Of(query.Decision?.ToString(), string.IsNullOrWhiteSpace(query.Category) ? null : query.Category.Trim());
            var askDatabase = !string.IsNullOrWhiteSpace(query.Guideline) || !string.IsNullOrWhiteSpace(query.Specialty)
                || !string.IsNullOrWhiteSpace(query.State) || query.From is not null || query.To is not null;
            HashSet<long>? retired = null;
            IReadOnlyList<LetterSets.LetterSet>? holding = null;
            async Task<IReadOnlySet<long>> Passes(IReadOnlyList<long> ids, CancellationToken ct)
            {
                retired ??= await Impact.RetiredAsync(transaction, ct).ConfigureAwait(false);
                if (facet is not null) holding ??= await Impact.FacetAsync(transaction, segments, facet, ct).ConfigureAwait(false);
                var pass = ids.Where(id => !retired.Contains(id) && (holding is null || holding.Any(h => h.Contains(id)))).ToList();
                if (askDatabase && pass.Count > 0)
                {
                    ImpactIndexStatistics.FilterQueries++;
                    pass = (await Connection.QueryAsync<long>(new CommandDefinition(
                        PassingSql(pass, filters), parameters, transaction, cancellationToken: ct)).ConfigureAwait(false)).ToList();
                }
                if (phrases is not null && pass.Count > 0) pass = await HoldingPhrasesAsync(transaction, pass, phrases, ct).ConfigureAwait(false);
                return pass.ToHashSet();
            }
            var search = new ImpactSearch(Impact, transaction, Passes);
            ranked = await search.TopAsync(segments, stems, limit, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            ImpactIndexStatistics.Answered++;
            ImpactIndexStatistics.PostingsRead += search.Cost.Postings;
            ImpactIndexStatistics.Last = search.Cost;
            ImpactIndexStatistics.Cached = Impact.Cache.Counts;
            ImpactIndexStatistics.LastRanking = clock.Elapsed;
            ImpactIndexStatistics.Ranking += clock.Elapsed;
        }
        return await PageOfHitsAsync(ranked.Select(r => (r.LetterId, ImpactScoring.ToScore(r.Score))).ToList(), query, terms, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Which of the letters <paramref name="ids"/> hold every one of <paramref name="phrases"/>,
    /// checked on their case summaries, treatments and rationales (read in one query each).</summary>
    private async Task<List<long>> HoldingPhrasesAsync(DbTransaction transaction, IReadOnlyList<long> ids, Phrases phrases, CancellationToken cancellationToken)
    {
        var inIds = string.Join(',', ids);
        var texts = new Dictionary<long, List<string>>(ids.Count);
        foreach (var (id, summary) in await Connection.QueryAsync<(long, string)>(new CommandDefinition(
            $"SELECT id, case_summary FROM letters WHERE id IN ({inIds})", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
        {
            texts[id] = [summary];
        }
        foreach (var (id, treatment, rationale) in await Connection.QueryAsync<(long, string, string)>(new CommandDefinition(
            $"SELECT letter_id, treatment, rationale FROM items WHERE letter_id IN ({inIds})", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
        {
            if (texts.TryGetValue(id, out var list)) list.AddRange([treatment, rationale]);
        }
        ImpactIndexStatistics.PhraseChecks += texts.Count;
        return ids.Where(id => texts.TryGetValue(id, out var list) && phrases.HeldBy(list)).ToList();
    }

    /// <summary>Which of the letters <paramref name="ids"/> pass <paramref name="filters"/> (conditions on
    /// letters <c>l</c>), found by their ids.</summary>
    protected virtual string PassingSql(IReadOnlyList<long> ids, string filters) =>
        $"SELECT l.id FROM letters l WHERE l.id IN ({string.Join(',', ids)}){filters}";

    /// <summary>How the impact index served the searches of this instance (for the benchmark).</summary>
    public ImpactStatistics ImpactIndexStatistics { get; } = new();

    /// <summary>A transaction that reads one snapshot of the database (SQLite: deferred, so it takes no write lock).</summary>
    protected virtual async Task<DbTransaction> BeginReadAsync(CancellationToken cancellationToken) =>
        await Connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

    /// <summary>For tests: the connection, to look at the tables.</summary>
    internal DbConnection ConnectionForTests => Connection;

    /// <summary>For tests: the impact index's merge fan-out, block and backfill sizes.</summary>
    internal ImpactOptions ImpactOptions
    {
        get => _impactOptions;
        set
        {
            _impactOptions = value;
            _impact = null;
        }
    }

    private ImpactOptions _impactOptions = new();

    private ImpactIndex? _impact;

    /// <summary>The impact index in this archive's database.</summary>
    internal ImpactIndex Impact => _impact ??= new ImpactIndex(Connection, WritePostingsAsync, _impactOptions, SegmentReader, SegmentReaderBesideWrites, IndexLock);

    /// <summary>The impact index's write lock, where the engine's write transactions do not hold one
    /// already (see <see cref="Search.Impact.IndexLock"/>).</summary>
    protected virtual IndexLock? IndexLock => null;

    /// <summary>Holds the store's lock until <paramref name="transaction"/> ends, where the engine's write
    /// transactions do not hold one already: another archive on the same database (another process
    /// importing) stores its batch before or after this one, never meanwhile, so the versions this batch
    /// reads are the ones it writes after (two imports of one letter store it once).</summary>
    protected virtual Task LockStoreAsync(DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>How a merge reads its input segments, when the engine has a faster way than a query a page.</summary>
    protected virtual SegmentReader? SegmentReader => null;

    /// <summary>Whether <see cref="SegmentReader"/> reads on a connection of its own, so that a merge
    /// may read its inputs on one thread while it writes the merged segment on another.</summary>
    protected virtual bool SegmentReaderBesideWrites => false;

    /// <summary>Writes a segment's posting and lookup rows within the transaction, the engine's fastest way.</summary>
    protected abstract Task WritePostingsAsync(DbTransaction transaction, long segmentId, IReadOnlyList<PostingRow> rows, IReadOnlyList<LookupRow> lookups, CancellationToken cancellationToken);

    /// <summary>Brings the impact index up to date with letters stored before it existed (the engines
    /// call it after their migrations).</summary>
    protected Task IndexBacklogAsync(CancellationToken cancellationToken) => Impact.BackfillAsync(cancellationToken);

    /// <summary>For tests: the size of the first window of matches (by default ten times the limit, at least 200).</summary>
    internal long? FirstWindow { get; set; }

    private sealed class RankedRow
    {
        public long Id { get; set; }
        public double Score { get; set; }
    }

    public abstract ValueTask DisposeAsync();

    /// <summary>The letter columns the engines write, in this order.</summary>
    internal const string LetterColumns =
        "letter_key, version, is_current, content_hash, source, case_number, date_assigned, date_of_injury, decision_date, decision_month, " +
        "ur_denial_date, application_received, days_to_assignment, days_to_decision, priority, case_summary, determination, imported_at";

    /// <summary>A letter the batch stores: its version, and whether it is still current when the batch ends
    /// (a later letter of the same batch under the same key supersedes it).</summary>
    protected sealed record NewLetter(LetterRecord Letter, int Version, bool Current);

    /// <summary>What a batch writes: the keys whose stored versions stop being current, then the new letters.</summary>
    protected sealed record StorePlan(IReadOnlyList<string> Retire, IReadOnlyList<NewLetter> Letters);

    /// <summary>The ids of <paramref name="count"/> new letters, drawn within the batch's transaction
    /// before they are written, so that their segment of the impact index can be built meanwhile.</summary>
    protected abstract Task<IReadOnlyList<long>> NewLetterIdsAsync(DbTransaction transaction, int count, CancellationToken cancellationToken);

    /// <summary>Writes a planned batch within its transaction: first retires the stored versions of
    /// <see cref="StorePlan.Retire"/>, then inserts the new letters, under the <paramref name="ids"/>
    /// drawn for them (in the order of <see cref="StorePlan.Letters"/>), with their items and full text.</summary>
    protected abstract Task WriteAsync(DbTransaction transaction, StorePlan plan, IReadOnlyList<long> ids, CancellationToken cancellationToken);

    /// <summary>The condition "letter_key is one of the array <c>@keys</c>" in the engine's SQL.</summary>
    protected virtual string KeyIn => "letter_key IN @keys";

    public async Task<IReadOnlyList<StoreOutcome>> StoreAsync(IReadOnlyList<LetterRecord> batch, CancellationToken cancellationToken = default)
    {
        await using var transaction = await Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LockStoreAsync(transaction, cancellationToken).ConfigureAwait(false);
        // The stored versions of the batch's keys in one query a few hundred keys at a time, then the
        // version logic in memory, then the engine writes the whole batch at once.
        var stored = new Dictionary<string, List<(int Version, string Hash)>>(StringComparer.Ordinal);
        foreach (var keys in batch.Select(l => l.Key).Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var rows = await Connection.QueryAsync<(string Key, long Version, string Hash)>(new CommandDefinition(
                $"SELECT letter_key, version, content_hash FROM letters WHERE {KeyIn}",
                new { keys }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            foreach (var row in rows) Versions(stored, row.Key).Add(((int)row.Version, row.Hash));
        }
        var (outcomes, plan) = Plan(batch, stored);
        if (plan.Letters.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return outcomes;
        }
        var ids = await NewLetterIdsAsync(transaction, plan.Letters.Count, cancellationToken).ConfigureAwait(false);
        // The batch's segment of the impact index is built on another thread while the engine writes
        // the letters (the ids are drawn already), and commits with them, or neither does.
        var letters = plan.Letters.Select((l, n) =>
        {
            if (l.Letter.Terms is { } counted) return new IndexedLetter(ids[n], "", "", "", counted, l.Letter.Facets);
            var (treatments, rationales) = ItemTexts(l.Letter);
            return new IndexedLetter(ids[n], l.Letter.Determination.CaseSummary, treatments, rationales, Facets: l.Letter.Facets);
        }).ToList();
        var building = Task.Run(() => Impact.Build(letters), cancellationToken);
        try
        {
            await WriteAsync(transaction, plan, ids, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The builder is reused by the next batch: let it finish before the error goes on.
            await building.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Impact.WriteSegmentAsync(transaction, await building.ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        var indexing = clock.Elapsed;
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        Committed();
        clock.Restart();
        await Impact.MergeAsync(cancellationToken).ConfigureAwait(false);
        Committed();
        ImpactIndexStatistics.Indexing += indexing + clock.Elapsed;
        ImpactIndexStatistics.Merging += clock.Elapsed;
        return outcomes;
    }

    /// <summary>Called after a batch of letters, or the merges it set off, committed.</summary>
    protected virtual void Committed()
    {
    }

    /// <summary>The version logic: a letter whose content is stored under its key (or earlier in the
    /// batch) is unchanged; otherwise it is the next version of its key and the only current one.</summary>
    private static (List<StoreOutcome> Outcomes, StorePlan Plan) Plan(
        IReadOnlyList<LetterRecord> batch, Dictionary<string, List<(int Version, string Hash)>> stored)
    {
        var outcomes = new List<StoreOutcome>(batch.Count);
        var retire = new List<string>();
        var letters = new List<NewLetter>(batch.Count);
        var latest = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var letter in batch)
        {
            var versions = Versions(stored, letter.Key);
            if (versions.Exists(v => v.Hash == letter.ContentHash))
            {
                outcomes.Add(StoreOutcome.Unchanged);
                continue;
            }
            if (latest.TryGetValue(letter.Key, out var earlier)) letters[earlier] = letters[earlier] with { Current = false };
            else if (versions.Count > 0) retire.Add(letter.Key);
            var version = versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1;
            outcomes.Add(versions.Count == 0 ? StoreOutcome.Imported : StoreOutcome.NewVersion);
            versions.Add((version, letter.ContentHash));
            latest[letter.Key] = letters.Count;
            letters.Add(new NewLetter(letter, version, Current: true));
        }
        return (outcomes, new StorePlan(retire, letters));
    }

    private static List<(int Version, string Hash)> Versions(Dictionary<string, List<(int Version, string Hash)>> stored, string key)
    {
        if (!stored.TryGetValue(key, out var versions)) stored[key] = versions = [];
        return versions;
    }

    /// <summary>The items' treatments and rationales, each joined into one text for the full-text index.</summary>
    protected static (string Treatments, string Rationales) ItemTexts(LetterRecord letter) => letter.ItemTexts();

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
    private static List<SearchHit> ToHits(IReadOnlyList<LetterHitRow> rows, IReadOnlyList<ItemRow> itemRows, IReadOnlyList<string> terms)
    {
        if (rows.Count == 0) return [];
        var items = itemRows.GroupBy(i => i.LetterId).ToDictionary(g => g.Key, g => g.OrderBy(i => i.Ordinal).ToList());
        var stems = terms.SelectMany(t => t.Split(' ')).Select(Stem).ToList();
        var queryStems = terms.SelectMany(Tokenizer.Stems).ToList();
        var hits = new List<SearchHit>(rows.Count);
        foreach (var row in rows)
        {
            var all = items.GetValueOrDefault(row.Id) ?? [];
            var snippet = Snippets.Make([row.Summary, string.Join(" | ", all.Select(i => i.Treatment)), string.Join(" | ", all.Select(i => i.Rationale))], queryStems);
            var candidates = all.Where(i => i.Passes != 0).ToList();
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
                Letters.TextNormalization.Normalize(snippet)));
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
        public string Summary { get; set; } = "";
    }

    /// <summary>An item of a page's letter, and whether it passes the search's item filters.</summary>
    protected sealed class ItemRow
    {
        public long LetterId { get; set; }
        public long Ordinal { get; set; }
        public string Treatment { get; set; } = "";
        public string Decision { get; set; } = "";
        public string Category { get; set; } = "";
        public string Rationale { get; set; } = "";
        public long Passes { get; set; }
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
