using System.Diagnostics;
using System.Text.Json.Nodes;
using Imr.Letters.Synthetic;
using Imr.Letters.Writing;
using Imr.Tests.Archive;
using Microsoft.Data.Sqlite;

namespace Imr.Tests.Cli;

/// <summary>An import killed at any moment leaves whole letters only, and a rerun completes it.</summary>
public sealed class ImportKillTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("imr-kill-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Killed_import_leaves_no_half_stored_letter_and_a_rerun_completes_the_work()
    {
        const int count = 4000;
        var letters = Path.Combine(_dir, "letters");
        Directory.CreateDirectory(letters);
        var generator = new LetterGenerator((await CorpusLetters.ReadAsync()).Select(l => l.Determination).ToList());
        foreach (var letter in generator.GenerateMany(count, seed: 11))
            await File.WriteAllTextAsync(Path.Combine(letters, $"{letter.CaseNumber}.txt"), LetterTextWriter.Write(letter));
        var db = Path.Combine(_dir, "imr.db");

        // Kill the import (SIGKILL: no clean-up runs) once some batches are committed.
        var import = Start("import", letters, "--db", db, "--json");
        var stored = 0L;
        var clock = Stopwatch.StartNew();
        while (!import.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            stored = Count(db, "SELECT COUNT(*) FROM letters");
            if (stored > 0) break;
            await Task.Delay(50);
        }
        import.Kill(entireProcessTree: true);
        await import.WaitForExitAsync();
        Assert.InRange(stored, 1, count - 1); // the kill came part way through

        // Every stored letter is whole: its items and its full-text entry are there.
        var letterRows = Count(db, "SELECT COUNT(*) FROM letters");
        Assert.Equal(0, Count(db, "SELECT COUNT(*) FROM letters l WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.letter_id = l.id)"));
        Assert.Equal(letterRows, Count(db, "SELECT COUNT(*) FROM letters_fts"));
        Assert.Equal(0, Count(db, "SELECT COUNT(*) FROM items i WHERE NOT EXISTS (SELECT 1 FROM letters l WHERE l.id = i.letter_id)"));

        var rerun = await CliRunner.RunAsync("import", letters, "--db", db, "--json");
        Assert.Equal(0, rerun.ExitCode);
        var summary = JsonNode.Parse(rerun.Lines.Last())!;
        Assert.Equal(count, (int)summary["imported"]! + (int)summary["unchanged"]!);
        Assert.Equal(letterRows, (long)(int)summary["unchanged"]!);
        Assert.Equal(count, Count(db, "SELECT COUNT(*) FROM letters"));
    }

    private static long Count(string db, string sql)
    {
        if (!File.Exists(db)) return 0;
        SQLitePCL.Batteries_V2.Init();
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // the schema is not there yet
        }
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CliRunner.ImrDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }
}
