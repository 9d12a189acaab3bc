using System.Text.Json.Serialization;
using Imr.Letters.Citations;

namespace Imr.Letters.Model;

/// <summary>
/// An IMR final determination: what one final determination letter records. Dates are calendar
/// dates; every field the letter does not state is null (the plain-text letters have no header).
/// </summary>
public sealed record Determination
{
    public CaseNumber? CaseNumber { get; init; }
    public DateOnly? DateAssigned { get; init; }
    public DateOnly? DateOfInjury { get; init; }
    public DateOnly? DecisionDate { get; init; }
    public DateOnly? UrDenialDate { get; init; }
    public DateOnly? ApplicationReceived { get; init; }
    public Priority? Priority { get; init; }
    public Reviewer Reviewer { get; init; } = Reviewer.Unknown;

    /// <summary>The reviewer's account of the records, whitespace-normalised.</summary>
    public string CaseSummary { get; init; } = "";

    /// <summary>The disputed items, in letter order.</summary>
    public ValueList<DeterminationItem> Items { get; init; } = [];
}

/// <summary>
/// One disputed item and the reviewer's determination of it. The citations and the partial
/// eligibility are read from the texts, so they can never disagree with them.
/// </summary>
/// <param name="Treatment">The item as requested, as the decision line states it (for a modified
/// request, the whole sentence naming the remaining IMR eligible portion).</param>
/// <param name="ClaimsAdministratorGuideline">What utilization review relied on, as stated.</param>
/// <param name="ReviewerGuideline">What the expert reviewer relied on ("MAXIMUS guideline:").</param>
/// <param name="Rationale">The decision rationale.</param>
public sealed record DeterminationItem(
    string Treatment,
    Decision Decision,
    string ClaimsAdministratorGuideline,
    string ReviewerGuideline,
    string Rationale)
{
    /// <summary>For a request utilization review modified: what was requested, what was authorized and
    /// what remained for IMR; null when the whole request was in dispute.</summary>
    public PartialEligibility? Eligibility => PartialEligibility.Read(Treatment);

    /// <summary>The claims administrator's guideline statement as structure.</summary>
    public ValueList<Citation> ClaimsAdministratorCitations => CitationParser.Parse(ClaimsAdministratorGuideline);

    /// <summary>The reviewer's guideline statement as structure.</summary>
    public ValueList<Citation> ReviewerCitations => CitationParser.Parse(ReviewerGuideline);
}
