namespace Imr.Archive.Storage;

/// <summary>Opens the archive a <c>--db</c> value names: a PostgreSQL connection string or URL, or
/// else an SQLite file path (by default <see cref="DefaultPath"/>).</summary>
public static class ArchiveDatabase
{
    /// <summary>The embedded default, relative to the working directory.</summary>
    public const string DefaultPath = "data/imr.db";

    public static bool IsPostgres(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || db.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>Opens (creating if need be) and migrates the archive.</summary>
    public static async Task<IArchive> OpenAsync(string? db, CancellationToken cancellationToken = default)
    {
        db = string.IsNullOrWhiteSpace(db) ? DefaultPath : db;
        IArchive archive = IsPostgres(db) ? new PostgresArchive(db) : new SqliteArchive(db);
        try
        {
            await archive.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return archive;
        }
        catch
        {
            await archive.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
