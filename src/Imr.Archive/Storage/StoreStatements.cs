using Microsoft.Data.Sqlite;

namespace Imr.Archive.Storage;

/// <summary>
/// The statements that store letters in SQLite, prepared once per batch within its transaction and
/// bound by position per row (<see cref="SqliteStatement"/>: this is the import's hot path).
/// PostgreSQL copies its rows in binary instead (<see cref="PostgresArchive"/>).
/// </summary>
internal sealed class StoreStatements : IDisposable
{
    private readonly SqliteStatement _retire;
    private readonly SqliteStatement _letter;
    private readonly SqliteStatement _index;
    private readonly SqliteStatement _licensure;
    private readonly SqliteStatement _specialty;
    private readonly SqliteStatement _item;
    private readonly SqliteStatement _guideline;

    public StoreStatements(SqliteConnection connection)
    {
        _retire = new SqliteStatement(connection, "UPDATE letters SET is_current = 0 WHERE letter_key = ?1");
        _letter = new SqliteStatement(connection,
            $"INSERT INTO letters (id, {SqlArchive.LetterColumns}) VALUES (?19, {string.Join(", ", Enumerable.Range(1, 18).Select(i => $"?{i}"))})");
        _index = new SqliteStatement(connection, "INSERT INTO letters_fts (rowid, case_summary, treatments, rationales) VALUES (?1, ?2, ?3, ?4)");
        _licensure = new SqliteStatement(connection, "INSERT INTO letter_licensure (letter_id, state) VALUES (?1, ?2)");
        _specialty = new SqliteStatement(connection, "INSERT INTO letter_specialties (letter_id, specialty) VALUES (?1, ?2)");
        _item = new SqliteStatement(connection,
            "INSERT INTO items (letter_id, ordinal, treatment, decision, category, claims_administrator_guideline, reviewer_guideline, rationale) " +
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        _guideline = new SqliteStatement(connection, "INSERT INTO item_guidelines (item_id, guideline) VALUES (?1, ?2)");
    }

    public void Retire(string key) => _retire.Bind(1, key).Run();

    /// <summary>Inserts the letter under the id drawn for it, with its items and full text.</summary>
    public void Insert(long letterId, LetterRecord letter, int version, bool current, string treatments, string rationales)
    {
        var d = letter.Determination;
        // In the order of SqlArchive.LetterColumns, then the id.
        _letter
            .Bind(1, letter.Key)
            .Bind(2, version)
            .Bind(3, current)
            .Bind(4, letter.ContentHash)
            .Bind(5, letter.Source)
            .Bind(6, d.CaseNumber?.Value)
            .Bind(7, d.DateAssigned)
            .Bind(8, d.DateOfInjury)
            .Bind(9, d.DecisionDate)
            .Bind(10, letter.DecisionMonth)
            .Bind(11, d.UrDenialDate)
            .Bind(12, d.ApplicationReceived)
            .Bind(13, letter.DaysToAssignment)
            .Bind(14, letter.DaysToDecision)
            .Bind(15, d.Priority?.ToString())
            .Bind(16, d.CaseSummary)
            .Bind(18, DateTimeOffset.UtcNow)
            .Bind(19, letterId);
        if (letter.JsonUtf8 is { } utf8) _letter.BindUtf8(17, utf8);
        else _letter.Bind(17, letter.Json);
        _letter.Run();

        foreach (var state in d.Reviewer.Licensure.Distinct()) _licensure.Bind(1, letterId).Bind(2, state).Run();
        foreach (var specialty in d.Reviewer.Specialties.Distinct()) _specialty.Bind(1, letterId).Bind(2, specialty).Run();
        foreach (var item in letter.Items)
        {
            var itemId = _item
                .Bind(1, letterId)
                .Bind(2, item.Ordinal)
                .Bind(3, item.Item.Treatment)
                .Bind(4, item.Item.Decision.ToString())
                .Bind(5, item.Category)
                .Bind(6, item.Item.ClaimsAdministratorGuideline)
                .Bind(7, item.Item.ReviewerGuideline)
                .Bind(8, item.Item.Rationale)
                .Run();
            foreach (var guideline in item.Guidelines) _guideline.Bind(1, itemId).Bind(2, guideline).Run();
        }
        _index.Bind(1, letterId).Bind(2, d.CaseSummary).Bind(3, treatments).Bind(4, rationales).Run();
    }

    public void Dispose()
    {
        foreach (var statement in new[] { _retire, _letter, _index, _licensure, _specialty, _item, _guideline }) statement.Dispose();
    }
}
