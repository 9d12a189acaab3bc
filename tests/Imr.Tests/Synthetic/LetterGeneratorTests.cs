using Imr.Letters.Model;
using Imr.Letters.Reading;
using Imr.Letters.Synthetic;
using Imr.Letters.Writing;
using Imr.Tests.Archive;

namespace Imr.Tests.Synthetic;

public sealed class LetterGeneratorTests
{
    private static async Task<(List<Determination> Sources, List<Determination> Generated)> GenerateAsync(int count, int seed = 1)
    {
        var sources = (await CorpusLetters.ReadAsync()).Select(l => l.Determination).ToList();
        return (sources, new LetterGenerator(sources).GenerateMany(count, seed).ToList());
    }

    [Fact]
    public async Task Generated_letters_keep_the_sources_distributions()
    {
        var (sources, generated) = await GenerateAsync(4000);

        double ItemsPerLetter(List<Determination> letters) => letters.Average(d => d.Items.Count);
        double OverturnShare(List<Determination> letters) =>
            letters.SelectMany(d => d.Items).Count(i => i.Decision == Decision.Overturned) / (double)letters.Sum(d => d.Items.Count);

        Assert.InRange(ItemsPerLetter(generated), ItemsPerLetter(sources) * 0.9, ItemsPerLetter(sources) * 1.1);
        Assert.InRange(OverturnShare(generated), OverturnShare(sources) * 0.75, OverturnShare(sources) * 1.25);
        var sourceDays = sources.Where(d => d.DateAssigned is not null && d.DecisionDate is not null).Select(d => d.DecisionDate!.Value.DayNumber - d.DateAssigned!.Value.DayNumber).ToHashSet();
        Assert.All(generated.Where(d => d.DateAssigned is not null), d => Assert.Contains(d.DecisionDate!.Value.DayNumber - d.DateAssigned!.Value.DayNumber, sourceDays));
    }

    [Fact]
    public async Task Case_numbers_are_unique_and_the_sequence_repeats_for_a_seed()
    {
        var (_, first) = await GenerateAsync(2000, seed: 7);
        var (_, again) = await GenerateAsync(2000, seed: 7);
        var (_, other) = await GenerateAsync(50, seed: 8);

        Assert.Equal(first.Count, first.Select(d => d.CaseNumber).Distinct().Count());
        Assert.Equal(first, again);
        Assert.NotEqual(first.Take(50), other);
    }

    [Fact]
    public async Task Generated_letters_read_back_as_written()
    {
        var (_, generated) = await GenerateAsync(40);
        foreach (var letter in generated)
        {
            var read = LetterReader.ReadText(LetterTextWriter.Write(letter));
            Assert.Equal(letter, read.Determination);
            Assert.Empty(read.Diagnostics);
        }
    }

    [Fact]
    public void Sources_without_items_are_refused_with_a_reason()
    {
        var error = Assert.Throws<ArgumentException>(() => new LetterGenerator([new Determination()]));
        Assert.Contains("no disputed item", error.Message);
    }
}
