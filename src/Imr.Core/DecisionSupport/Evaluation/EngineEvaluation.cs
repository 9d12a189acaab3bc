using Imr.Letters.Citations;
using Imr.Letters.Model;

namespace Imr.DecisionSupport.Evaluation;

/// <summary>One letter item drafted blind and compared with the reviewer's determination.</summary>
/// <param name="GuidelineAgrees">The drafted MTUS part is one the reviewer cited; null when the reviewer cited no MTUS part.</param>
/// <param name="SectionAgrees">The drafted part and a drafted section are among the reviewer's; null as above.</param>
public sealed record EvaluatedItem(
    string Source,
    DraftItem Draft,
    Decision Decided,
    bool? GuidelineAgrees,
    bool? SectionAgrees);

/// <summary>
/// How the engine, run blind on letters (the case summary and the requests only), agrees with the reviewers: the
/// decision statistics, the cited guideline's agreement, a breakdown by category and the share decided by a policy.
/// </summary>
public sealed class EngineEvaluation
{
    private readonly List<EvaluatedItem> items = [];

    public IReadOnlyList<EvaluatedItem> Items => items;

    /// <summary>Drafts the letter's case file blind and records each item beside the reviewer's decision.</summary>
    public void Add(string source, Determination determination)
    {
        var draft = DraftEngine.Draft(CaseFile.FromDetermination(determination));
        for (var i = 0; i < determination.Items.Count && i < draft.Items.Count; i++)
        {
            var decided = determination.Items[i];
            var drafted = draft.Items[i];
            var reviewer = decided.ReviewerCitations.OfType<MtusCitation>().ToList();
            var mine = drafted.Citations.OfType<MtusCitation>().ToList();
            bool? guideline = reviewer.Count == 0 ? null : mine.Any(m => reviewer.Any(r => r.Guideline == m.Guideline));
            bool? section = reviewer.Count == 0 ? null : mine.Any(m => reviewer.Any(r => r.Guideline == m.Guideline
                && m.Sections.Any(s => r.Sections.Any(rs => string.Equals(rs, s, StringComparison.OrdinalIgnoreCase)))));
            items.Add(new EvaluatedItem(source, drafted, decided.Decision, guideline, section));
        }
    }

    public Agreement Agreement => Agreement.Of(items.Select(i => (i.Draft.Decision, i.Decided)));

    /// <summary>Items whose reviewer cited an MTUS part.</summary>
    public int WithReviewerMtus => items.Count(i => i.GuidelineAgrees is not null);

    /// <summary>Of the items whose reviewer cited an MTUS part, the share where the draft cites the same part.</summary>
    public double GuidelineAgreement => Share(items.Where(i => i.GuidelineAgrees is not null), i => i.GuidelineAgrees == true);

    /// <summary>Of the items whose reviewer cited an MTUS part, the share where the draft cites the same part and section.</summary>
    public double SectionAgreement => Share(items.Where(i => i.SectionAgrees is not null), i => i.SectionAgrees == true);

    /// <summary>The share of items decided by a specific policy rather than the general fallback.</summary>
    public double PolicyShare => Share(items, i => i.Draft.Policy is not null);

    /// <summary>Agreement per treatment category, largest first.</summary>
    public IReadOnlyList<(string Category, Agreement Agreement, double PolicyShare)> ByCategory() =>
        [.. items.GroupBy(i => i.Draft.Category)
            .Select(g => (g.Key, Agreement.Of(g.Select(i => (i.Draft.Decision, i.Decided))), Share(g, i => i.Draft.Policy is not null)))
            .OrderByDescending(t => t.Item2.Total).ThenBy(t => t.Key, StringComparer.Ordinal)];

    private static double Share<T>(IEnumerable<T> source, Func<T, bool> predicate)
    {
        var list = source.ToList();
        return list.Count == 0 ? 0 : list.Count(predicate) / (double)list.Count;
    }
}
