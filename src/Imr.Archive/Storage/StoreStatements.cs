using System.Data;
using System.Data.Common;

namespace Imr.Archive.Storage;

/// <summary>
/// The statements that store letters, prepared once per batch within its transaction and bound per
/// row (plain ADO.NET rather than Dapper here: this is the import's hot path).
/// </summary>
internal sealed class StoreStatements : IAsyncDisposable
{
    private readonly DbCommand _retire;
    private readonly DbCommand _letter;
    private readonly DbCommand? _index;
    private readonly DbCommand _licensure;
    private readonly DbCommand _specialty;
    private readonly DbCommand _item;
    private readonly DbCommand _guideline;

    public StoreStatements(DbConnection connection, DbTransaction transaction, string insertLetterSql, string? indexLetterSql)
    {
        DbCommand Command(string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            return command;
        }

        _retire = Command("UPDATE letters SET is_current = @no WHERE letter_key = @key", "no", "key");
        string[] letterParameters =
        [
            "key", "version", "current", "hash", "source", "caseNumber", "dateAssigned", "dateOfInjury", "decisionDate", "decisionMonth",
            "urDenialDate", "applicationReceived", "daysToAssignment", "daysToDecision", "priority", "summary", "json", "importedAt",
            "treatments", "rationales",
        ];
        _letter = Command(insertLetterSql, letterParameters.Where(p => insertLetterSql.Contains("@" + p, StringComparison.Ordinal)).ToArray());
        _index = indexLetterSql is null ? null : Command(indexLetterSql, "id", "summary", "treatments", "rationales");
        _licensure = Command("INSERT INTO letter_licensure (letter_id, state) VALUES (@letterId, @name)", "letterId", "name");
        _specialty = Command("INSERT INTO letter_specialties (letter_id, specialty) VALUES (@letterId, @name)", "letterId", "name");
        _item = Command(
            "INSERT INTO items (letter_id, ordinal, treatment, decision, category, claims_administrator_guideline, reviewer_guideline, rationale) " +
            "VALUES (@letterId, @ordinal, @treatment, @decision, @category, @claims, @reviewer, @rationale) RETURNING id",
            "letterId", "ordinal", "treatment", "decision", "category", "claims", "reviewer", "rationale");
        _guideline = Command("INSERT INTO item_guidelines (item_id, guideline) VALUES (@itemId, @guideline)", "itemId", "guideline");
    }

    public Task RetireAsync(string key, CancellationToken cancellationToken)
    {
        Bind(_retire, "no", false, DbType.Boolean);
        Bind(_retire, "key", key);
        return _retire.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <returns>The letter's id.</returns>
    public async Task<long> InsertAsync(LetterRecord letter, int version, bool current, string treatments, string rationales, CancellationToken cancellationToken)
    {
        var d = letter.Determination;
        Bind(_letter, "key", letter.Key);
        Bind(_letter, "version", version, DbType.Int32);
        Bind(_letter, "current", current, DbType.Boolean);
        Bind(_letter, "hash", letter.ContentHash);
        Bind(_letter, "source", letter.Source);
        Bind(_letter, "caseNumber", d.CaseNumber?.Value);
        Bind(_letter, "dateAssigned", d.DateAssigned, DbType.Date);
        Bind(_letter, "dateOfInjury", d.DateOfInjury, DbType.Date);
        Bind(_letter, "decisionDate", d.DecisionDate, DbType.Date);
        Bind(_letter, "decisionMonth", letter.DecisionMonth);
        Bind(_letter, "urDenialDate", d.UrDenialDate, DbType.Date);
        Bind(_letter, "applicationReceived", d.ApplicationReceived, DbType.Date);
        Bind(_letter, "daysToAssignment", letter.DaysToAssignment, DbType.Int32);
        Bind(_letter, "daysToDecision", letter.DaysToDecision, DbType.Int32);
        Bind(_letter, "priority", d.Priority?.ToString());
        Bind(_letter, "summary", d.CaseSummary);
        Bind(_letter, "json", letter.Json);
        Bind(_letter, "importedAt", DateTimeOffset.UtcNow, DbType.DateTimeOffset);
        Bind(_letter, "treatments", treatments);
        Bind(_letter, "rationales", rationales);
        var letterId = Convert.ToInt64(await _letter.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);

        foreach (var state in d.Reviewer.Licensure.Distinct()) await NameAsync(_licensure, letterId, state, cancellationToken).ConfigureAwait(false);
        foreach (var specialty in d.Reviewer.Specialties.Distinct()) await NameAsync(_specialty, letterId, specialty, cancellationToken).ConfigureAwait(false);
        foreach (var item in letter.Items)
        {
            Bind(_item, "letterId", letterId, DbType.Int64);
            Bind(_item, "ordinal", item.Ordinal, DbType.Int32);
            Bind(_item, "treatment", item.Item.Treatment);
            Bind(_item, "decision", item.Item.Decision.ToString());
            Bind(_item, "category", item.Category);
            Bind(_item, "claims", item.Item.ClaimsAdministratorGuideline);
            Bind(_item, "reviewer", item.Item.ReviewerGuideline);
            Bind(_item, "rationale", item.Item.Rationale);
            var itemId = Convert.ToInt64(await _item.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            foreach (var guideline in item.Guidelines)
            {
                Bind(_guideline, "itemId", itemId, DbType.Int64);
                Bind(_guideline, "guideline", guideline);
                await _guideline.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        if (_index is not null)
        {
            Bind(_index, "id", letterId, DbType.Int64);
            Bind(_index, "summary", d.CaseSummary);
            Bind(_index, "treatments", treatments);
            Bind(_index, "rationales", rationales);
            await _index.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        return letterId;
    }

    private static Task NameAsync(DbCommand command, long letterId, string name, CancellationToken cancellationToken)
    {
        Bind(command, "letterId", letterId, DbType.Int64);
        Bind(command, "name", name);
        return command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Typed, so that a null date or text needs no inference by the engine. A statement binds only
    // the parameters its SQL uses (the engines' letter inserts differ).
    private static void Bind(DbCommand command, string name, object? value, DbType type = DbType.String)
    {
        if (!command.Parameters.Contains(name)) return;
        var parameter = command.Parameters[name];
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _retire, _letter, _index, _licensure, _specialty, _item, _guideline })
        {
            if (command is not null) await command.DisposeAsync().ConfigureAwait(false);
        }
    }
}
