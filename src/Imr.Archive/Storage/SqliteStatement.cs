using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Imr.Archive.Storage;

/// <summary>
/// One statement of the import's hot path, prepared once on the connection's own handle (so it runs
/// inside the connection's transaction) and bound by position, through SQLitePCLRaw, the layer
/// Microsoft.Data.Sqlite itself calls. Microsoft.Data.Sqlite binds every parameter by name on every
/// execution and opens a data reader even for an INSERT; at a few thousand rows a second that
/// bookkeeping cost as much as SQLite's own work. Values are stored as Microsoft.Data.Sqlite stores
/// them (dates as "yyyy-MM-dd" text, booleans as 0 and 1), so that the rest of the archive reads them
/// the same way.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement);
        SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public SqliteStatement Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, index, value));
        return this;
    }

    public SqliteStatement Bind(int index, long? value) => value is { } v ? Bind(index, v) : Null(index);

    public SqliteStatement Bind(int index, bool value) => Bind(index, value ? 1L : 0L);

    // Text goes to SQLite as UTF-8, the database's encoding, converted here by the runtime's
    // vectorized encoder into a buffer the statement keeps (SQLite copies what it is given): SQLite's
    // own conversion from UTF-16 goes a character at a time.
    private byte[] _utf8 = new byte[4096];

    public SqliteStatement Bind(int index, string? value)
    {
        if (value is null) return Null(index);
        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_utf8.Length < most) _utf8 = new byte[Math.Max(most, _utf8.Length * 2)];
        var length = Encoding.UTF8.GetBytes(value, _utf8);
        return BindUtf8(index, _utf8.AsSpan(0, length));
    }

    /// <summary>Binds text already encoded as UTF-8.</summary>
    public SqliteStatement BindUtf8(int index, ReadOnlySpan<byte> utf8)
    {
        Check(raw.sqlite3_bind_text(_statement, index, utf8));
        return this;
    }

    public SqliteStatement Bind(int index, DateOnly? value) =>
        Bind(index, value?.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture));

    public SqliteStatement Bind(int index, DateTimeOffset value) =>
        Bind(index, value.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));

    public SqliteStatement Bind(int index, byte[]? value)
    {
        if (value is null) return Null(index);
        Check(raw.sqlite3_bind_blob(_statement, index, value));
        return this;
    }

    private SqliteStatement Null(int index)
    {
        Check(raw.sqlite3_bind_null(_statement, index));
        return this;
    }

    /// <summary>Runs the statement once and resets it for the next row; returns the last inserted rowid.</summary>
    public long Run()
    {
        var rc = raw.sqlite3_step(_statement);
        var reset = raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW) SqliteException.ThrowExceptionForRC(rc, _db);
        Check(reset);
        return raw.sqlite3_last_insert_rowid(_db);
    }

    /// <summary>Steps a query to its next row; false after the last (the statement is then reset).</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW) return true;
        var reset = raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
        Check(reset);
        return false;
    }

    /// <summary>The current row's text column (null when NULL).</summary>
    public string? Text(int column) =>
        raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL ? null : Encoding.UTF8.GetString(raw.sqlite3_column_blob(_statement, column));

    /// <summary>The current row's integer column.</summary>
    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <summary>A copy of the current row's blob column (empty when NULL).</summary>
    public byte[] Blob(int column) => raw.sqlite3_column_blob(_statement, column).ToArray();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Dispose() => _statement.Dispose();
}
