using Imr.Archive.Storage;

namespace Imr.Operations.Storage;

/// <summary>Opens the operations store a <c>--db</c> value names, as <see cref="ArchiveDatabase"/> does for
/// the archive: a PostgreSQL connection string or URL, or else an SQLite file path (by default
/// <see cref="ArchiveDatabase.DefaultPath"/>, the same file as the archive).</summary>
public static class OperationsDatabase
{
    /// <summary>The table recording the operations schema versions, apart from the archive's.</summary>
    public const string VersionTable = "schema_migrations_operations";

    /// <summary>The operations scripts of an engine ("sqlite" or "postgres").</summary>
    public static MigrationSet Migrations(string engine) =>
        MigrationSet.Embedded(typeof(OperationsDatabase).Assembly, engine, VersionTable);

    /// <summary>Opens (creating if need be) and migrates the store.</summary>
    public static async Task<ICaseStore> OpenAsync(string? db, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        db = string.IsNullOrWhiteSpace(db) ? ArchiveDatabase.DefaultPath : db;
        ICaseStore store = ArchiveDatabase.IsPostgres(db) ? new PostgresCaseStore(db, clock) : new SqliteCaseStore(db, clock);
        try
        {
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
