using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Imr.Archive.Storage;

/// <summary>
/// One independently versioned set of numbered SQL scripts: the embedded resources of
/// <paramref name="Assembly"/> whose names start with <paramref name="ResourcePrefix"/> and end in
/// <c>NNNN_name.sql</c>, with the versions applied recorded in <paramref name="VersionTable"/>. Several sets
/// can share one database (the archive and the operations tables live in the same file), each migrating on
/// its own.
/// </summary>
public sealed partial record MigrationSet
{
    public MigrationSet(Assembly assembly, string resourcePrefix, string versionTable)
    {
        if (!Identifier().IsMatch(versionTable))
            throw new ArgumentException($"'{versionTable}' is not a plain SQL identifier.", nameof(versionTable));
        Assembly = assembly;
        ResourcePrefix = resourcePrefix;
        VersionTable = versionTable;
    }

    public Assembly Assembly { get; }

    /// <summary>The manifest resource name prefix, ending with a dot (<c>Imr.Archive.Migrations.sqlite.</c>).</summary>
    public string ResourcePrefix { get; }

    /// <summary>The table recording the versions applied (a plain identifier: it is written into the SQL).</summary>
    public string VersionTable { get; }

    /// <summary>The scripts under <c>Migrations/&lt;engine&gt;/</c> of <paramref name="assembly"/>, the
    /// layout both the archive and the operations library use.</summary>
    public static MigrationSet Embedded(Assembly assembly, string engine, string versionTable) =>
        new(assembly, $"{assembly.GetName().Name}.Migrations.{engine}.", versionTable);

    /// <summary>The archive's own scripts, recorded in <c>schema_migrations</c>.</summary>
    public static MigrationSet Archive(string engine) =>
        Embedded(typeof(MigrationRunner).Assembly, engine, "schema_migrations");

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex Identifier();
}

/// <summary>
/// Applies the numbered SQL scripts of a <see cref="MigrationSet"/> in order, each in its own
/// transaction with its version recorded, so a migration is all or nothing and runs once. Written by
/// hand: the schema is engine-specific SQL (FTS5, tsvector), and FluentMigrator's runners for SQLite
/// and PostgreSQL are not served by the package registry these machines use.
/// </summary>
public static class MigrationRunner
{
    /// <summary>Applies the archive's scripts for <paramref name="engine"/>.</summary>
    public static Task RunAsync(DbConnection connection, string engine, CancellationToken cancellationToken) =>
        RunAsync(connection, MigrationSet.Archive(engine), cancellationToken);

    public static async Task RunAsync(DbConnection connection, MigrationSet set, CancellationToken cancellationToken)
    {
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = $"CREATE TABLE IF NOT EXISTS {set.VersionTable} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        var applied = new HashSet<int>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = $"SELECT version FROM {set.VersionTable}";
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) applied.Add(reader.GetInt32(0));
        }
        foreach (var (version, name, sql) in Scripts(set).Where(s => !applied.Contains(s.Version)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var apply = connection.CreateCommand())
            {
                apply.Transaction = transaction;
                apply.CommandText = sql;
                await apply.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = $"INSERT INTO {set.VersionTable} (version, name, applied_at) VALUES (@version, @name, @appliedAt)";
                AddParameter(record, "version", version);
                AddParameter(record, "name", name);
                AddParameter(record, "appliedAt", DateTime.UtcNow.ToString("O"));
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>The embedded scripts of the archive for an engine, by version.</summary>
    internal static IReadOnlyList<(int Version, string Name, string Sql)> Scripts(string engine) => Scripts(MigrationSet.Archive(engine));

    /// <summary>The scripts of a set, by version: resources named <c>&lt;prefix&gt;NNNN_name.sql</c>.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts(MigrationSet set)
    {
        var assembly = set.Assembly;
        var prefix = set.ResourcePrefix;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[prefix.Length..^4];
                var version = int.Parse(file.AsSpan(0, file.IndexOf('_')), System.Globalization.CultureInfo.InvariantCulture);
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (version, file, reader.ReadToEnd());
            })
            .OrderBy(s => s.version)
            .ToList();
    }
}
