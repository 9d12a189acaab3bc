using System.Runtime.CompilerServices;

namespace Imr.Letters.Reading;

/// <summary>What reading one file gave: a result, or the plain-words reason it could not be read.</summary>
public readonly record struct ReadOutcome(ReadResult? Result, string? Error);

/// <summary>
/// Reads letter files in parallel (PDF extraction runs an external process) and yields them in input
/// order, holding only a small window of files in memory, so that a batch of any size streams.
/// </summary>
public static class LetterBatch
{
    public static async IAsyncEnumerable<(string File, ReadOutcome Outcome)> ReadAsync(
        IEnumerable<string> files, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var window = new Queue<(string File, Task<ReadOutcome> Task)>();
        var width = Math.Max(2, Environment.ProcessorCount * 2);
        foreach (var file in files)
        {
            window.Enqueue((file, Task.Run(() => ReadOneAsync(file, cancellationToken), cancellationToken)));
            if (window.Count >= width)
            {
                var (f, t) = window.Dequeue();
                yield return (f, await t.ConfigureAwait(false));
            }
        }
        while (window.Count > 0)
        {
            var (f, t) = window.Dequeue();
            yield return (f, await t.ConfigureAwait(false));
        }
    }

    public static async Task<ReadOutcome> ReadOneAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            return new ReadOutcome(await LetterReader.ReadFileAsync(file, cancellationToken).ConfigureAwait(false), null);
        }
        catch (LetterFormatException e)
        {
            return new ReadOutcome(null, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ReadOutcome(null, $"the file could not be read: {e.Message}");
        }
    }
}
