using Dapper;
using Imr.Archive.Storage;
using Microsoft.Data.Sqlite;

namespace Imr.Tests.Archive;

public sealed class SqliteStatementTests : IDisposable
{
    private readonly SqliteConnection _connection;

    public SqliteStatementTests()
    {
        SQLitePCL.Batteries_V2.Init();
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        _connection.Execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, day TEXT, at TEXT, flag INTEGER, n INTEGER, blob BLOB)");
    }

    [Fact]
    public void Values_are_stored_as_Microsoft_Data_Sqlite_stores_them()
    {
        var day = new DateOnly(2017, 5, 12);
        var at = new DateTimeOffset(2026, 11, 21, 23, 42, 1, 544, TimeSpan.Zero);
        using (var insert = new SqliteStatement(_connection, "INSERT INTO t (name, day, at, flag, n, blob) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"))
        {
            Assert.Equal(1, insert.Bind(1, "é one").Bind(2, day).Bind(3, at).Bind(4, true).Bind(5, (long?)null).Bind(6, new byte[] { 0, 1, 255 }).Run());
            Assert.Equal(2, insert.Bind(1, "two").Bind(2, (DateOnly?)null).Bind(3, at).Bind(4, false).Bind(5, 7L).Bind(6, (byte[]?)null).Run());
        }
        _connection.Execute("CREATE TABLE expected (day TEXT, at TEXT, flag INTEGER)");
        _connection.Execute("INSERT INTO expected VALUES (@day, @at, @flag)", new { day, at, flag = true });
        var expected = _connection.QuerySingle<(string, string, long)>("SELECT day, at, flag FROM expected");
        Assert.Equal(expected, _connection.QuerySingle<(string, string, long)>("SELECT day, at, flag FROM t WHERE id = 1"));
        Assert.Equal("é one", _connection.ExecuteScalar<string>("SELECT name FROM t WHERE id = 1"));
        Assert.Equal(new byte[] { 0, 1, 255 }, _connection.ExecuteScalar<byte[]>("SELECT blob FROM t WHERE id = 1"));
        Assert.Equal((0L, 7L), _connection.QuerySingle<(long, long)>("SELECT flag, n FROM t WHERE id = 2"));
        Assert.Equal(2L, _connection.ExecuteScalar<long>("SELECT COUNT(*) FROM t WHERE day IS NULL OR n IS NULL OR blob IS NULL"));
    }

    [Fact]
    public void A_failing_row_raises_the_engines_error_and_the_statement_serves_the_next_row()
    {
        using var insert = new SqliteStatement(_connection, "INSERT INTO t (name) VALUES (?1)");
        insert.Bind(1, "same").Run();
        var error = Assert.Throws<SqliteException>(() => insert.Bind(1, "same").Run());
        Assert.Contains("UNIQUE", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, insert.Bind(1, "other").Run());
        Assert.Throws<SqliteException>(() => new SqliteStatement(_connection, "INSERT INTO missing VALUES (1)"));
    }

    [Fact]
    public void A_query_steps_through_its_rows_and_reads_them_while_the_table_is_written()
    {
        _connection.Execute("INSERT INTO t (name, n, blob) VALUES ('é one', 1, x'00ff'), ('two', 2, NULL), ('three', 3, x'01')");
        using var query = new SqliteStatement(_connection, "SELECT name, n, blob FROM t WHERE n <= ?1 ORDER BY n");
        using var insert = new SqliteStatement(_connection, "INSERT INTO t (name, n) VALUES (?1, ?2)");
        query.Bind(1, 2L);
        var read = new List<(string?, long, byte[])>();
        while (query.Step())
        {
            read.Add((query.Text(0), query.Int64(1), query.Blob(2)));
            insert.Bind(1, $"later {read.Count}").Bind(2, 100L + read.Count).Run();
        }
        Assert.Equal([("é one", 1L), ("two", 2L)], read.Select(r => (r.Item1, r.Item2)));
        Assert.Equal(new byte[] { 0, 255 }, read[0].Item3);
        Assert.Empty(read[1].Item3);
        Assert.Equal(5L, _connection.ExecuteScalar<long>("SELECT COUNT(*) FROM t"));
    }

    public void Dispose() => _connection.Dispose();
}
