using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Imr.Tests.Archive;

/// <summary>
/// A private PostgreSQL server for the tests: Debian's binaries (package postgresql, installed by
/// scripts/install-deps), a throw-away cluster in a temporary folder, listening on 127.0.0.1 on a free
/// port, stopped and removed at the end. As root the server runs as the postgres user.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _dataDirectory;
    private string? _binDirectory;
    private int _port;

    public string AdminConnectionString => $"Host=127.0.0.1;Port={_port};Username=imr;Database=postgres;Pooling=false";

    public async Task InitializeAsync()
    {
        _binDirectory = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (_binDirectory is null)
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run scripts/install-deps.");
        _dataDirectory = Path.Combine(Path.GetTempPath(), "imr-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_dataDirectory);
        _port = FreePort();
        if (IsRoot) await RunAsync("chown", "-R", "postgres:postgres", _dataDirectory);
        await RunPostgresAsync("initdb", "-D", _dataDirectory, "-A", "trust", "-U", "imr", "-E", "UTF8", "--no-sync", "--locale=C");
        await RunPostgresAsync("pg_ctl", "-D", _dataDirectory, "-w", "-t", "60", "-l", Path.Combine(_dataDirectory, "server.log"),
            "-o", $"-p {_port} -k {_dataDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "start");
    }

    /// <summary>A new empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return $"Host=127.0.0.1;Port={_port};Username=imr;Database={name}";
    }

    public async Task DisposeAsync()
    {
        if (_dataDirectory is null) return;
        try
        {
            await RunPostgresAsync("pg_ctl", "-D", _dataDirectory, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task RunPostgresAsync(string program, params string[] args)
    {
        var path = Path.Combine(_binDirectory!, program);
        return IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", path, .. args]) : RunAsync(path, args);
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}{await stdout}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
