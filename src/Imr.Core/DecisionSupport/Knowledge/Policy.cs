using Imr.Clinical;
using Imr.Letters.Citations;
using Imr.Letters.Model;
using Imr.Treatments;

namespace Imr.DecisionSupport.Knowledge;

/// <summary>
/// What a criterion is checked against: the facts of the record, the request's words and its classification, and
/// when known the date of injury and the date of the utilization review (to tell acute from chronic).
/// </summary>
/// <remarks><see cref="Primary"/> is the draft of the request in the same case this one goes with (the surgery for its
/// pre-operative tests, the NSAID for its gastro-protection; see <see cref="Dependencies"/>), null when there is none.</remarks>
public sealed record CriterionContext(ClinicalRecord Record, string Treatment, TreatmentClassification Classification,
    DateOnly? DateOfInjury = null, DateOnly? ReviewDate = null, DraftItem? Primary = null)
{
    /// <summary>Whole weeks from the injury to the review; null when either date is unknown.</summary>
    public int? WeeksSinceInjury => DateOfInjury is { } injury && ReviewDate is { } review && review >= injury
        ? (review.DayNumber - injury.DayNumber) / 7
        : null;
}

/// <summary>What a criterion found: its status and the words of the record it rests on.</summary>
public sealed record CriterionOutcome(CriterionStatus Status, ValueList<EvidenceSpan> Evidence)
{
    public static CriterionOutcome NotDocumented { get; } = new(CriterionStatus.NotDocumented, []);

    /// <summary>A conditional criterion that does not apply to this request (a first injection for "a repeat one
    /// needs relief from the last"; therapy not after surgery for "the surgery it follows is necessary").</summary>
    public static CriterionOutcome NotApplicable { get; } = new(CriterionStatus.NotApplicable, []);

    /// <summary>Met or not met on a condition of the request itself (its count, its form), with no words of the record.</summary>
    public static CriterionOutcome When(bool met) => new(met ? CriterionStatus.Met : CriterionStatus.NotMet, []);

    public static CriterionOutcome Met(IEnumerable<Evidence> evidence) => new(CriterionStatus.Met, Spans(evidence));

    public static CriterionOutcome NotMet(IEnumerable<Evidence> evidence) => new(CriterionStatus.NotMet, Spans(evidence));

    private static ValueList<EvidenceSpan> Spans(IEnumerable<Evidence> evidence) =>
        new(evidence.DistinctBy(e => (e.Start, e.Length)).Take(3).Select(e => new EvidenceSpan(e.Text, e.Start, e.Length)));
}

/// <summary>
/// One criterion of a policy.
/// </summary>
/// <param name="Id">Unique within the policy, prefixed by it (<c>imaging-lumbar.red-flags</c>).</param>
/// <param name="Description">What the guideline requires, in a clinician's words.</param>
/// <param name="Source">The guideline passage (part and section) it comes from.</param>
/// <param name="Required">Whether the request fails without it; optional criteria only inform confidence.</param>
/// <param name="Evaluate">Checks the criterion against the record.</param>
public sealed record Criterion(string Id, string Description, string Source, bool Required, Func<CriterionContext, CriterionOutcome> Evaluate);

/// <summary>
/// A treatment category's medical necessity policy: the guideline it rests on, its place in the evidence hierarchy
/// and the criteria the record must meet.
/// </summary>
/// <param name="Id">Stable id, reported with every draft that used it.</param>
/// <param name="Categories">The treatment category ids (the taxonomy's) it covers.</param>
/// <param name="Guideline">The guideline cited, in the letters' citation model.</param>
/// <param name="Level">Its standard in Labor Code 4610.5(c)(2).</param>
/// <param name="Statement">What the guideline says, as a rationale paraphrases it ("... recommend ...").</param>
/// <param name="Criteria">The criteria, in the order a reviewer checks them.</param>
/// <param name="Applies">Narrows the policy within its categories (imaging by body region); null for all.</param>
/// <param name="Cites">The guideline parts and sections cited for a particular request when they depend on it (the
/// ACOEM chapter of the body region, the section of the drug named); null to cite <paramref name="Guideline"/>.</param>
public sealed record Policy(
    string Id,
    ValueList<string> Categories,
    Citation Guideline,
    EvidenceLevel Level,
    string Statement,
    IReadOnlyList<Criterion> Criteria,
    Func<TreatmentClassification, bool>? Applies = null,
    Func<CriterionContext, IReadOnlyList<Citation>>? Cites = null)
{
    /// <summary>Whether this policy governs the classified item.</summary>
    public bool Covers(TreatmentClassification classification) =>
        Categories.Contains(classification.Category.Id) && (Applies?.Invoke(classification) ?? true);

    /// <summary>The citations for one request: <see cref="Cites"/> when it gives any, else the policy's guideline.</summary>
    public IReadOnlyList<Citation> CitationsFor(CriterionContext context) =>
        Cites?.Invoke(context) is { Count: > 0 } cites ? cites : [Guideline];

    /// <summary>An MTUS citation in the letters' own wording ("Decision based on MTUS ... , Section(s): ...").</summary>
    public static MtusCitation Mtus(string guideline, int? year, params string[] sections)
    {
        var text = $"Decision based on MTUS {guideline}{(year is { } y ? " " + y : "")}" +
            (sections.Length > 0 ? ", Section(s): " + string.Join(", ", sections) + "." : ".");
        return new MtusCitation(text, guideline, year, null, new(sections), []);
    }

    /// <summary>A non-MTUS citation in the letters' own wording.</summary>
    public static NonMtusCitation NonMtus(NonMtusSource source, string reference) =>
        new($"Decision based on Non-MTUS Citation {reference}.", source, reference);
}
