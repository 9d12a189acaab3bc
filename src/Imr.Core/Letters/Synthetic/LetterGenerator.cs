using Imr.Letters.Model;

namespace Imr.Letters.Synthetic;

/// <summary>
/// Realistic synthetic determinations for benchmarks and demonstrations, recombined from real ones:
/// each takes the case summary of one letter, a reviewer of another, a number of items drawn from the
/// letters' own item counts, each item whole (treatment, decision, guidelines and rationale stay
/// together, so a rationale always argues its decision) from any letter, and dates whose intervals are
/// drawn from the letters' intervals. The distributions of the source letters are kept; the texts are
/// theirs, so search behaves as on real letters. Deterministic for a seed.
/// </summary>
public sealed class LetterGenerator
{
    private readonly IReadOnlyList<Determination> _letters;
    private readonly IReadOnlyList<DeterminationItem> _items;
    private readonly IReadOnlyList<int> _itemCounts;
    private readonly IReadOnlyList<Determination> _dated;
    private readonly DateOnly _firstDecision;
    private readonly int _decisionSpanDays;

    /// <param name="sources">The letters to recombine (at least one with an item).</param>
    public LetterGenerator(IReadOnlyList<Determination> sources)
    {
        _letters = sources.Where(d => d.Items.Count > 0).ToList();
        if (_letters.Count == 0) throw new ArgumentException("The source letters hold no disputed item to recombine.", nameof(sources));
        _items = _letters.SelectMany(d => d.Items).ToList();
        _itemCounts = _letters.Select(d => d.Items.Count).ToList();
        _dated = _letters.Where(d => d.DecisionDate is not null).ToList();
        var decisions = _dated.Select(d => d.DecisionDate!.Value).DefaultIfEmpty(new DateOnly(2017, 1, 1)).ToList();
        _firstDecision = decisions.Min();
        _decisionSpanDays = Math.Max(1, decisions.Max().DayNumber - _firstDecision.DayNumber);
    }

    /// <summary>The <paramref name="index"/>-th synthetic determination of the sequence for <paramref name="seed"/>,
    /// spread over <paramref name="years"/> years of decisions; its case number is unique in the sequence.</summary>
    public Determination Generate(int index, int seed = 4610, int years = 2)
    {
        var random = new Random(HashCode.Combine(seed, index));
        var summary = Pick(random, _letters);
        var reviewer = Pick(random, _letters).Reviewer;
        var count = Pick(random, _itemCounts);
        var items = Enumerable.Range(0, count).Select(_ => Pick(random, _items)).ToList();

        var decision = _firstDecision.AddDays(random.Next(_decisionSpanDays + (365 * Math.Max(0, years - 1))));
        var shape = _dated.Count > 0 ? Pick(random, _dated) : null;
        // Each date keeps its interval to the decision in the letter whose dates are borrowed.
        DateOnly? Shifted(DateOnly? date) =>
            date is { } f && shape?.DecisionDate is { } d ? decision.AddDays(f.DayNumber - d.DayNumber) : null;

        return new Determination
        {
            CaseNumber = CaseNumber.Parse($"CM{decision.Year % 100:D2}-{index % 10_000_000:D7}"),
            DecisionDate = decision,
            DateAssigned = Shifted(shape?.DateAssigned),
            ApplicationReceived = Shifted(shape?.ApplicationReceived),
            UrDenialDate = Shifted(shape?.UrDenialDate),
            DateOfInjury = Shifted(shape?.DateOfInjury),
            Priority = shape?.Priority ?? Priority.Standard,
            Reviewer = reviewer,
            CaseSummary = summary.CaseSummary,
            Items = new ValueList<DeterminationItem>(items),
        };
    }

    /// <summary>The first <paramref name="count"/> synthetic determinations of the sequence, made as they are enumerated.</summary>
    public IEnumerable<Determination> GenerateMany(int count, int seed = 4610, int years = 2)
    {
        for (var i = 0; i < count; i++) yield return Generate(i, seed, years);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> list) => list[random.Next(list.Count)];
}
