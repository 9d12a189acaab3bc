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
    public static IAsyncEnumerable<(string File, ReadOutcome Outcome)> ReadAsync(
        IEnumerable<string> files, CancellationToken cancellationToken) =>
        ReadAsync(files, ReadOneAsync, cancellationToken);

    /// <summary>Reads any kind of input (a file, a text in memory) with <paramref name="read"/>, in
    /// parallel within a small window, yielding in input order.</summary>
    public static IAsyncEnumerable<(T Input, ReadOutcome Outcome)> ReadAsync<T>(
        IEnumerable<T> inputs, Func<T, CancellationToken, Task<ReadOutcome>> read, CancellationToken cancellationToken) =>
        MapAsync(inputs, read, cancellationToken);

    /// <summary>Applies <paramref name="map"/> to each input in parallel within a window of twice the
    /// processor count, yielding the results in input order: work streams, memory stays bounded.</summary>
    public static async IAsyncEnumerable<(T Input, TResult Result)> MapAsync<T, TResult>(
        IEnumerable<T> inputs, Func<T, CancellationToken, Task<TResult>> map, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var window = new Queue<(T Input, Task<TResult> Task)>();
        var width = Math.Max(2, Environment.ProcessorCount * 2);
        foreach (var input in inputs)
        {
            window.Enqueue((input, Task.Run(() => map(input, cancellationToken), cancellationToken)));
            if (window.Count >= width)
            {
                var (i, t) = window.Dequeue();
                yield return (i, await t.ConfigureAwait(false));
            }
        }
        while (window.Count > 0)
        {
            var (i, t) = window.Dequeue();
            yield return (i, await t.ConfigureAwait(false));
        }
    }

    /// <summary>Reads a letter held in memory.</summary>
    public static Task<ReadOutcome> ReadText(string text)
    {
        try
        {
            return Task.FromResult(new ReadOutcome(LetterReader.ReadText(text), null));
        }
        catch (LetterFormatException e)
        {
            return Task.FromResult(new ReadOutcome(null, e.Message));
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
