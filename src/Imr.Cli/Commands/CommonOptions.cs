using System.CommandLine;
using System.Globalization;
using Imr.Archive.Storage;

namespace Imr.Cli.Commands;

/// <summary>Options several commands share, named alike everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string?> Db() => new("--db")
    {
        Description = $"The archive: an SQLite file (default {ArchiveDatabase.DefaultPath}) or a PostgreSQL connection string (\"Host=...;Database=...\") or postgres:// URL.",
    };

    public static Option<bool> Json(string what) => new("--json") { Description = what };

    public static Option<DateOnly?> Date(string name, string description) => new(name)
    {
        Description = description + " (YYYY-MM-DD)",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            result.AddError($"{name}: '{text}' is not a date (expected YYYY-MM-DD).");
            return null;
        },
    };
}
