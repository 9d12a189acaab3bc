using System.Data.Common;
using Dapper;
using Imr.Archive.Storage;
using Microsoft.Data.Sqlite;

namespace Imr.Operations.Storage;

/// <summary>The embedded engine: the operations tables in an SQLite file (by default the archive's own,
/// <see cref="ArchiveDatabase.DefaultPath"/>). Write transactions are exclusive (BEGIN IMMEDIATE), so
/// concurrent writers queue instead of failing; readers never block in WAL mode.</summary>
public sealed class SqliteCaseStore : SqlCaseStore
{
    private static readonly Lazy<bool> Initialized = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    private readonly string _connectionString;

    public SqliteCaseStore(string path, TimeProvider? clock = null)
        : base(clock)
    {
        _ = Initialized.Value;
        Path = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    public override string Engine => "sqlite";

    protected override string InList(string column, string parameter) => $"{column} IN @{parameter}";

    protected override string ForUpdate => "";

    // IMMEDIATE (the provider's default) for a call that writes, so that it queues for the write lock at
    // once instead of failing to upgrade a read lock; DEFERRED for one that only reads.
    protected override Task<DbTransaction> BeginAsync(DbConnection db, bool readOnly, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)db).BeginTransaction(deferred: readOnly));

    public override async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;").ConfigureAwait(false);
        await MigrationRunner.RunAsync(connection, OperationsDatabase.Migrations(Engine), cancellationToken).ConfigureAwait(false);
    }

    internal override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;").ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override ValueTask DisposeAsync()
    {
        // Pooled connections hold the file open; let it go with the store.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
