using System.Diagnostics;
using Imr.Archive.Storage;
using Imr.Letters.Reading;

namespace Imr.Archive.Import;

/// <summary>A file that could not be imported, and why, in plain words.</summary>
public sealed record ImportFailure(string Source, string Error);

/// <summary>What an import did.</summary>
public sealed record ImportSummary(int Imported, int NewVersions, int Unchanged, IReadOnlyList<ImportFailure> Failed, TimeSpan Elapsed)
{
    public int Read => Imported + NewVersions + Unchanged;
}

/// <summary>Progress of an import: files done of the total, and the time taken so far.</summary>
public readonly record struct ImportProgress(int Done, int Total, TimeSpan Elapsed);

/// <summary>
/// Imports letter files into an archive: parses in parallel (in input order, so that of two versions
/// of a letter in one run the later file becomes current), stores in transactional batches, and
/// overlaps storing one batch with parsing the next. Killed at any moment, it leaves whole batches
/// only; a rerun finds the stored letters unchanged and completes the rest.
/// </summary>
public sealed class Importer(IArchive archive, int batchSize = 2000)
{
    /// <summary>Imports letter files (PDF or text).</summary>
    public Task<ImportSummary> ImportAsync(IReadOnlyList<string> files, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ImportAsync(files, Path.GetFileName, LetterBatch.ReadOneAsync, files.Count, progress, cancellationToken);

    /// <summary>Imports letters held in memory as text, each with the name it is stored under.</summary>
    public Task<ImportSummary> ImportTextsAsync(IEnumerable<(string Source, string Text)> letters, int total, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ImportAsync(letters, letter => letter.Source, (letter, _) => LetterBatch.ReadText(letter.Text), total, progress, cancellationToken);

    private async Task<ImportSummary> ImportAsync<T>(
        IEnumerable<T> inputs, Func<T, string> sourceOf, Func<T, CancellationToken, Task<ReadOutcome>> read, int total,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        // Reading and preparing a record (JSON, hash, categories, citations, the impact index's term
        // counts) run on the workers; the consumer only batches and stores.
        async Task<(LetterRecord? Record, string? Error)> Prepare(T input, CancellationToken ct)
        {
            var outcome = await read(input, ct).ConfigureAwait(false);
            return outcome.Error is { } error
                ? (null, error)
                : (LetterRecord.From(sourceOf(input), outcome.Result!.Determination).WithTerms(), null);
        }

        var clock = Stopwatch.StartNew();
        var failed = new List<ImportFailure>();
        int imported = 0, newVersions = 0, unchanged = 0, done = 0;
        var pending = new List<LetterRecord>(batchSize);
        Task? storing = null;

        async Task AwaitStoringAsync()
        {
            if (storing is not null) await storing.ConfigureAwait(false);
            storing = null;
        }

        async Task StoreAsync(List<LetterRecord> batch)
        {
            var outcomes = await archive.StoreAsync(batch, cancellationToken).ConfigureAwait(false);
            foreach (var outcome in outcomes)
            {
                switch (outcome)
                {
                    case StoreOutcome.Imported: imported++; break;
                    case StoreOutcome.NewVersion: newVersions++; break;
                    default: unchanged++; break;
                }
            }
            done += batch.Count;
            progress?.Report(new ImportProgress(done + failed.Count, total, clock.Elapsed));
        }

        await foreach (var (input, (record, error)) in LetterBatch.MapAsync(inputs, Prepare, cancellationToken).ConfigureAwait(false))
        {
            if (error is not null)
            {
                failed.Add(new ImportFailure(sourceOf(input), error));
                continue;
            }
            pending.Add(record!);
            if (pending.Count >= batchSize)
            {
                await AwaitStoringAsync().ConfigureAwait(false);
                // On its own thread: an engine whose calls complete synchronously (SQLite) would
                // otherwise store the whole batch before the next letter is parsed.
                var batch = pending;
                storing = Task.Run(() => StoreAsync(batch), cancellationToken);
                pending = new List<LetterRecord>(batchSize);
            }
        }
        await AwaitStoringAsync().ConfigureAwait(false);
        if (pending.Count > 0) await StoreAsync(pending).ConfigureAwait(false);
        progress?.Report(new ImportProgress(total, total, clock.Elapsed));
        return new ImportSummary(imported, newVersions, unchanged, failed, clock.Elapsed);
    }
}
