using System.Text.Json.Serialization;
using Imr.Letters.Model;

namespace Imr.DecisionSupport;

/// <summary>
/// What the engine drafts from: the record as the reviewer summarised it and the disputed items, with
/// what utilization review relied on. Decisions and rationales are never inputs.
/// </summary>
public sealed record CaseFile
{
    public string CaseSummary { get; init; } = "";
    public ValueList<CaseFileItem> Items { get; init; } = [];
    public DateOnly? DateOfInjury { get; init; }
    public DateOnly? UrDenialDate { get; init; }
    public Priority? Priority { get; init; }

    /// <summary>The case file of a letter, its decisions, reviewer guidelines and rationales stripped.</summary>
    public static CaseFile FromDetermination(Determination determination) => new()
    {
        CaseSummary = determination.CaseSummary,
        Items = new(determination.Items.Select(i => new CaseFileItem(i.Treatment, i.ClaimsAdministratorGuideline))),
        DateOfInjury = determination.DateOfInjury,
        UrDenialDate = determination.UrDenialDate,
        Priority = determination.Priority,
    };
}

/// <summary>A disputed item as requested, and what utilization review relied on when it is known.</summary>
public sealed record CaseFileItem(string Treatment, string? ClaimsAdministratorGuideline = null);

/// <summary>Whether the record shows a criterion is satisfied.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CriterionStatus>))]
public enum CriterionStatus
{
    [JsonStringEnumMemberName("met")]
    Met,

    [JsonStringEnumMemberName("not met")]
    NotMet,

    [JsonStringEnumMemberName("not documented")]
    NotDocumented,

    /// <summary>A conditional criterion whose condition the request does not meet ("for a repeat injection ..." on a
    /// first one): it neither supports nor stands in the way of the request.</summary>
    [JsonStringEnumMemberName("not applicable")]
    NotApplicable,
}

/// <summary>Words of the record, with where they stand in the case summary (characters).</summary>
public sealed record EvidenceSpan(string Text, int Start, int Length);

/// <summary>One criterion of a policy, checked against the record.</summary>
/// <param name="Id">The criterion's id within its policy, e.g. <c>opioids.functional-improvement</c>.</param>
/// <param name="Description">What the guideline requires, in a clinician's words.</param>
/// <param name="Status">What the record shows.</param>
/// <param name="Evidence">The words of the record the status rests on (none when not documented or not applicable).</param>
/// <param name="Source">The guideline passage the criterion comes from.</param>
public sealed record CriterionResult(string Id, string Description, CriterionStatus Status, ValueList<EvidenceSpan> Evidence, string Source);
