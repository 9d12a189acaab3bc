using System.Data.Common;
using Dapper;
using Imr.Archive.Storage;
using Npgsql;

namespace Imr.Operations.Storage;

/// <summary>The production engine: PostgreSQL, pooled connections, the row of a case locked (FOR UPDATE)
/// while a step of its flow is applied.</summary>
public sealed class PostgresCaseStore : SqlCaseStore
{
    private readonly NpgsqlDataSource _dataSource;

    /// <param name="connectionString">A keyword connection string or a postgres:// URL.</param>
    public PostgresCaseStore(string connectionString, TimeProvider? clock = null)
        : base(clock)
    {
        _dataSource = NpgsqlDataSource.Create(PostgresArchive.ToConnectionString(connectionString));
    }

    public override string Engine => "postgres";

    protected override string InList(string column, string parameter) => $"{column} = ANY(@{parameter})";

    protected override string ForUpdate => " FOR UPDATE";

    public override async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // One migrator at a time across processes (the archive locks 4610; this is its neighbour).
        await connection.ExecuteAsync("SELECT pg_advisory_lock(4611)").ConfigureAwait(false);
        try
        {
            await MigrationRunner.RunAsync(connection, OperationsDatabase.Migrations(Engine), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(4611)").ConfigureAwait(false);
        }
    }

    internal override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
