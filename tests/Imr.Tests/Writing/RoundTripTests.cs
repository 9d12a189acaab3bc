using Imr.Letters.Model;
using Imr.Letters.Reading;
using Imr.Letters.Writing;
using Imr.Tests.Archive;

namespace Imr.Tests.Writing;

/// <summary>parse(render(d)) == d for every corpus letter, through text and through PDF.</summary>
public sealed class RoundTripTests
{
    [Fact]
    public async Task Every_corpus_letter_survives_text_rendering()
    {
        var failures = new List<string>();
        foreach (var (source, determination) in await CorpusLetters.ReadAsync())
        {
            var again = LetterReader.ReadText(LetterTextWriter.Write(determination)).Determination;
            if (again != determination) failures.Add($"{source}: {Difference(determination, again)}");
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Every_corpus_letter_survives_pdf_rendering()
    {
        var letters = await CorpusLetters.ReadAsync();
        var dir = Directory.CreateTempSubdirectory("imr-roundtrip-").FullName;
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        try
        {
            var writer = new LetterPdfWriter();
            await Parallel.ForEachAsync(letters, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) }, async (letter, ct) =>
            {
                var pdf = Path.Combine(dir, letter.Source + ".pdf");
                await writer.WriteAsync(letter.Determination, pdf, ct);
                var again = (await LetterReader.ReadFileAsync(pdf, ct)).Determination;
                if (again != letter.Determination) failures.Add($"{letter.Source}: {Difference(letter.Determination, again)}");
            });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        Assert.True(failures.IsEmpty, string.Join('\n', failures.Order()));
    }

    internal static string Difference(Determination expected, Determination actual)
    {
        if (expected with { Items = [] } != actual with { Items = [] })
        {
            foreach (var property in typeof(Determination).GetProperties())
            {
                var a = property.GetValue(expected);
                var b = property.GetValue(actual);
                if (property.Name != nameof(Determination.Items) && !Equals(a, b)) return $"{property.Name}: '{a}' became '{b}'";
            }
        }
        if (expected.Items.Count != actual.Items.Count) return $"{expected.Items.Count} items became {actual.Items.Count}";
        for (var i = 0; i < expected.Items.Count; i++)
        {
            if (expected.Items[i] != actual.Items[i]) return $"item {i + 1}: {expected.Items[i]} became {actual.Items[i]}";
        }
        return "equal";
    }
}
