using Imr.Letters.Model;
using Imr.Letters.Reading;
using Imr.Tests.Reading;

namespace Imr.Tests.Archive;

/// <summary>The corpus, read once for all archive tests.</summary>
internal static class CorpusLetters
{
    private static readonly Lazy<Task<IReadOnlyList<(string Source, Determination Determination)>>> All = new(async () =>
    {
        var letters = new List<(string, Determination)>();
        foreach (var name in CorpusTests.LetterNames())
            letters.Add((name, (await LetterReader.ReadFileAsync(CorpusTests.PathOf(name))).Determination));
        return letters;
    });

    public static Task<IReadOnlyList<(string Source, Determination Determination)>> ReadAsync() => All.Value;
}
