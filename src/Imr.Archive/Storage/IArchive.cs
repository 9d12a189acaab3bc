using Imr.Archive.Reports;
using Imr.Archive.Search;
using Imr.Letters.Model;

namespace Imr.Archive.Storage;

/// <summary>What storing one letter did.</summary>
public enum StoreOutcome
{
    /// <summary>A letter not seen before.</summary>
    Imported,

    /// <summary>A changed letter under a key already stored: a new version; the old one is kept.</summary>
    NewVersion,

    /// <summary>The same letter was already stored.</summary>
    Unchanged,
}

/// <summary>The current version of a stored letter.</summary>
/// <param name="Key">What the letter is stored under: its case number, or its source when it has none.</param>
/// <param name="Source">Where it came from (a file name, or "operations/CMyy-nnnnnnn" for a letter issued here).</param>
public sealed record StoredLetter(string Key, string Source, int Version, Determination Determination);

/// <summary>
/// The determination archive, one interface over two engines: SQLite (embedded, the default) and
/// PostgreSQL (production). Every method is safe to call from one thread at a time per instance.
/// </summary>
public interface IArchive : IAsyncDisposable
{
    /// <summary>"sqlite" or "postgres".</summary>
    string Engine { get; }

    /// <summary>Brings the schema up to date (idempotent).</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a batch in one transaction: all of it, or (if interrupted) none of it.</summary>
    Task<IReadOnlyList<StoreOutcome>> StoreAsync(IReadOnlyList<LetterRecord> batch, CancellationToken cancellationToken = default);

    /// <summary>BM25-ranked full-text search over current letters, best first.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default);

    /// <summary>The tables of the annual IMR report, computed from current letters.</summary>
    Task<ArchiveReport> ReportAsync(ReportQuery query, CancellationToken cancellationToken = default);

    /// <summary>The current version of the letter stored under <paramref name="key"/> (a case number, in
    /// any letter case, or the source of a letter without one); null when there is none.</summary>
    Task<StoredLetter?> GetLetterAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Counts of stored letters (all versions) and of current ones.</summary>
    Task<(long Stored, long Current)> CountAsync(CancellationToken cancellationToken = default);
}
