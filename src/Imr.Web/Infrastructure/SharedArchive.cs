using Imr.Archive.Reports;
using Imr.Archive.Search;
using Imr.Archive.Storage;

namespace Imr.Web.Infrastructure;

/// <summary>
/// The public archive as the requests share it: one archive connection, one call at a time (an
/// <see cref="IArchive"/> instance serves one caller at a time). Searches are short; the corpus import
/// uses a connection of its own, so it never holds this one for long.
/// </summary>
public sealed class SharedArchive(IArchive inner) : IArchive
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Engine => inner.Engine;

    public Task MigrateAsync(CancellationToken cancellationToken = default) => OneAtATime(() => inner.MigrateAsync(cancellationToken), cancellationToken);

    public Task<IReadOnlyList<StoreOutcome>> StoreAsync(IReadOnlyList<LetterRecord> batch, CancellationToken cancellationToken = default) =>
        OneAtATime(() => inner.StoreAsync(batch, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default) =>
        OneAtATime(() => inner.SearchAsync(query, cancellationToken), cancellationToken);

    public Task<ArchiveReport> ReportAsync(ReportQuery query, CancellationToken cancellationToken = default) =>
        OneAtATime(() => inner.ReportAsync(query, cancellationToken), cancellationToken);

    public Task<StoredLetter?> GetLetterAsync(string key, CancellationToken cancellationToken = default) =>
        OneAtATime(() => inner.GetLetterAsync(key, cancellationToken), cancellationToken);

    public Task<(long Stored, long Current)> CountAsync(CancellationToken cancellationToken = default) =>
        OneAtATime(() => inner.CountAsync(cancellationToken), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private async Task OneAtATime(Func<Task> call, CancellationToken cancellationToken) =>
        await OneAtATime(async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);

    private async Task<T> OneAtATime<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await call().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
