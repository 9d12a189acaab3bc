using Imr.Archive.Storage;

namespace Imr.Web.Infrastructure;

/// <summary>The application's settings, section <c>Imr</c> (appsettings.json, environment variables
/// <c>Imr__Database</c>, or command-line <c>--Imr:Database=...</c>).</summary>
public sealed class ImrOptions
{
    public const string Section = "Imr";

    /// <summary>The database: an SQLite file path (relative to the working directory) or a PostgreSQL
    /// connection string or URL; by default <see cref="ArchiveDatabase.DefaultPath"/>. The operations
    /// store and the public archive share it, as the <c>imr</c> command does.</summary>
    public string? Database { get; set; }

    /// <summary>Where the letters to import on first start are: the shared folder (holding
    /// <c>corpus/letters</c> and <c>seeds</c>) or a folder of letter files. By default the shared folder
    /// found by walking up from the content root; an empty value turns the import off.</summary>
    public string? CorpusPath { get; set; }

    /// <summary>Imports the corpus in the background when the archive is empty (on first start).</summary>
    public bool ImportCorpus { get; set; } = true;

    /// <summary>Seeds the demo users and reviewer roster (idempotent).</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>Sign-in attempts allowed per client address and window (the lockout after repeated
    /// failures per account is the store's).</summary>
    public int SignInPermitLimit { get; set; } = 10;

    public int SignInWindowSeconds { get; set; } = 60;

    /// <summary>The database value in effect.</summary>
    public string DatabaseOrDefault => string.IsNullOrWhiteSpace(Database) ? ArchiveDatabase.DefaultPath : Database;
}
