using Imr.Archive.Import;
using Imr.Archive.Storage;
using Microsoft.Extensions.Options;

namespace Imr.Web.Infrastructure;

/// <summary>Where the corpus import stands (the archive page and <c>/api/archive/status</c> show it).</summary>
public sealed class CorpusImportStatus
{
    public enum Phase
    {
        Waiting,
        Skipped,
        Running,
        Completed,
        Failed,
    }

    public Phase State { get; private set; } = Phase.Waiting;

    /// <summary>In words: why skipped, what was imported, what failed.</summary>
    public string Message { get; private set; } = "The corpus import has not started.";

    public ImportSummary? Summary { get; private set; }

    internal void Set(Phase state, string message, ImportSummary? summary = null) => (State, Message, Summary) = (state, message, summary);
}

/// <summary>
/// On first start (the archive holds fewer letters than the corpus has files), imports the shared corpus into the public archive in
/// the background, so that the application answers at once: the published letters
/// (<c>corpus/letters</c>) and the text seeds (<c>seeds</c>) of the shared folder, found by walking up
/// from the content root, or the folder <see cref="ImrOptions.CorpusPath"/> names. The import has a
/// connection of its own and stores in transactions, so searches go on meanwhile.
/// </summary>
public sealed class CorpusImport(IOptions<ImrOptions> options, IHostEnvironment environment, IArchive archive, CorpusImportStatus status, ILogger<CorpusImport> logger)
    : BackgroundService
{
    /// <summary>The letter folders to import: <c>corpus/letters</c> and <c>seeds</c> of a shared folder,
    /// or the folder itself when it holds letters; empty when nothing is found.</summary>
    public static IReadOnlyList<string> Locate(string? configured, string contentRoot)
    {
        if (configured is not null)
        {
            if (configured.Length == 0) return [];
            var full = Path.GetFullPath(configured, contentRoot);
            return SharedFolders(full) is { Count: > 0 } shared ? shared : Directory.Exists(full) ? [full] : [];
        }
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var found = SharedFolders(Path.Combine(dir.FullName, "shared"));
            if (found.Count > 0) return found;
            if (dir.Name == "shared" && SharedFolders(dir.FullName) is { Count: > 0 } self) return self;
        }
        return [];
    }

    private static List<string> SharedFolders(string shared) =>
        new[] { Path.Combine(shared, "corpus", "letters"), Path.Combine(shared, "seeds") }.Where(Directory.Exists).ToList();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var settings = options.Value;
        if (!settings.ImportCorpus)
        {
            status.Set(CorpusImportStatus.Phase.Skipped, "The corpus import is turned off (Imr:ImportCorpus).");
            return;
        }
        try
        {
            var folders = Locate(settings.CorpusPath, environment.ContentRootPath);
            if (folders.Count == 0)
            {
                status.Set(CorpusImportStatus.Phase.Skipped, "No corpus found; the archive holds only letters issued here.");
                logger.LogInformation("Corpus import skipped: no shared/corpus/letters or shared/seeds above {ContentRoot} (set Imr:CorpusPath)", environment.ContentRootPath);
                return;
            }
            var files = folders
                .SelectMany(f => Directory.EnumerateFiles(f).Where(p => p.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
                .ToList();
            // Imported before: as many letters as files. An import stopped part way has fewer, and a
            // rerun (idempotent) completes it.
            var (_, current) = await archive.CountAsync(stoppingToken);
            if (current >= files.Count)
            {
                status.Set(CorpusImportStatus.Phase.Skipped, $"The archive holds {current:N0} letters; the corpus was imported before.");
                logger.LogInformation("Corpus import skipped: the archive already holds {Letters} letters", current);
                return;
            }
            status.Set(CorpusImportStatus.Phase.Running, $"Importing {files.Count} letters from {string.Join(" and ", folders)}.");
            logger.LogInformation("Importing {Files} corpus letters from {Folders} in the background", files.Count, folders);
            await using var own = await ArchiveDatabase.OpenAsync(settings.DatabaseOrDefault, stoppingToken);
            var summary = await new Importer(own).ImportAsync(files, cancellationToken: stoppingToken);
            status.Set(CorpusImportStatus.Phase.Completed,
                $"Imported {summary.Imported} letters ({summary.Unchanged} unchanged, {summary.Failed.Count} unreadable) in {summary.Elapsed.TotalSeconds:0.0} s.", summary);
            logger.LogInformation("Corpus import done: {Imported} imported, {Unchanged} unchanged, {Failed} failed, {Seconds:0.0} s",
                summary.Imported, summary.Unchanged, summary.Failed.Count, summary.Elapsed.TotalSeconds);
            foreach (var failure in summary.Failed) logger.LogWarning("Not imported: {Source}: {Error}", failure.Source, failure.Error);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            status.Set(CorpusImportStatus.Phase.Failed, "The corpus import was stopped with the application; it resumes on the next start.");
        }
        catch (Exception e)
        {
            status.Set(CorpusImportStatus.Phase.Failed, "The corpus import failed: " + e.Message);
            logger.LogError(e, "Corpus import failed");
        }
    }
}
