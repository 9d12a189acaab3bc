using System.Text.Json.Nodes;
using Imr.Treatments;
using Xunit.Abstractions;

namespace Imr.Tests.Treatments;

/// <summary>Every disputed item of the corpus is classified, and hardly any falls through to "other".</summary>
public sealed class CorpusClassificationTests(ITestOutputHelper output)
{
    private static List<string> Treatments() =>
        Directory.EnumerateFiles(TestPaths.CorpusExpected, "*.json")
            .Order(StringComparer.Ordinal)
            .SelectMany(file => JsonNode.Parse(File.ReadAllText(file))!["items"]!.AsArray())
            .Select(item => item!["treatment"]!.GetValue<string>())
            .ToList();

    [Fact]
    public void Corpus_items_are_classified_with_at_most_3_percent_other()
    {
        var treatments = Treatments();
        Assert.True(treatments.Count >= 250, $"{treatments.Count} items");
        var results = treatments.Select(t => (Text: t, Result: TreatmentClassifier.Classify(t))).ToList();

        foreach (var group in results.GroupBy(r => r.Result.Category.Id).OrderByDescending(g => g.Count()).ThenBy(g => g.Key))
            output.WriteLine($"{group.Key,-28} {group.Count(),4}");

        var other = results.Where(r => r.Result.Category.Id == "other").Select(r => r.Text).ToList();
        var share = (double)other.Count / results.Count;
        output.WriteLine($"other: {other.Count} of {results.Count} ({share:P1})");
        Assert.True(share <= 0.03, $"{other.Count} of {results.Count} items ({share:P1}) are \"other\":\n  " + string.Join("\n  ", other));

        var ids = TreatmentTaxonomy.Default.Categories.Select(c => c.Id).ToHashSet();
        Assert.All(results, r => Assert.Contains(r.Result.Category.Id, ids));
    }

    [Fact]
    public void Corpus_imaging_items_name_a_modality()
    {
        var imaging = Treatments().Select(TreatmentClassifier.Classify).Where(r => r.Category.Id == "imaging").ToList();
        Assert.NotEmpty(imaging);
        var without = imaging.Where(r => r.Modality is null).ToList();
        Assert.True(without.Count == 0, "imaging without a modality: " + string.Join("; ", without));
    }
}
