using System.Text.Json.Serialization;
using Imr.Letters.Citations;
using Imr.Letters.Model;
using Imr.Operations.Model;

namespace Imr.Operations.Services;

[JsonConverter(typeof(JsonStringEnumConverter<FindingSeverity>))]
public enum FindingSeverity
{
    /// <summary>Worth a look; does not stop approval.</summary>
    Warning,

    /// <summary>Must be fixed before QA may approve.</summary>
    Error,
}

[JsonConverter(typeof(JsonStringEnumConverter<QaFindingCode>))]
public enum QaFindingCode
{
    NoReview,
    CaseSummaryMissing,
    ItemUndecided,
    GuidelineMissing,

    /// <summary>The guideline statement names no MTUS part and no other source.</summary>
    GuidelineUnrecognized,
    RationaleMissing,

    /// <summary>The rationale concludes the opposite of the decision.</summary>
    RationaleContradictsDecision,

    /// <summary>The rationale never states whether the item is medically necessary.</summary>
    RationaleWithoutConclusion,

    /// <summary>No medical records received: a determination may not rest on the UR decision alone.</summary>
    NoRecords,
    DeadlinePassed,
}

/// <summary>One finding of the quality check.</summary>
/// <param name="Item">The disputed item it concerns, from 1; null for the case as a whole.</param>
public sealed record QaFinding(QaFindingCode Code, FindingSeverity Severity, int? Item, string Message);

/// <summary>The findings of the quality check; <see cref="CanApprove"/> when none is an error.</summary>
public sealed record QaReport(ValueList<QaFinding> Findings)
{
    public bool CanApprove => !Findings.Any(f => f.Severity == FindingSeverity.Error);
}

/// <summary>
/// The quality check of a reviewer's work before a determination issues: every item decided, a guideline
/// cited for each, a rationale present and concluding the way the decision goes
/// (<see cref="RationaleConclusion"/>), a case summary, records on file, and the deadline.
/// </summary>
public static class QualityCheck
{
    public static QaReport Run(ImrCase @case, TimeProvider clock) => Run(@case, clock.GetUtcNow());

    public static QaReport Run(ImrCase @case, DateTimeOffset now)
    {
        var findings = new List<QaFinding>();
        var review = @case.Review;
        if (review is null)
        {
            findings.Add(new(QaFindingCode.NoReview, FindingSeverity.Error, null, "The reviewer has saved no work."));
        }
        else
        {
            if (string.IsNullOrWhiteSpace(review.CaseSummary))
                findings.Add(new(QaFindingCode.CaseSummaryMissing, FindingSeverity.Error, null, "The clinical case summary is missing."));
            for (var i = 0; i < @case.Application.Treatments.Count; i++)
            {
                var number = i + 1;
                var treatment = @case.Application.Treatments[i].Treatment;
                var item = i < review.Items.Count ? review.Items[i] : ItemReview.Undecided;
                findings.AddRange(CheckItem(number, treatment, item));
            }
        }
        if (@case.RecordsReceived.Count == 0)
        {
            findings.Add(new(QaFindingCode.NoRecords, FindingSeverity.Error, null,
                "No medical records have been received: a determination may not rest on the utilization review decision alone (8 CCR 9792.10.6(b)(2))."));
        }
        var deadline = Deadlines.Of(@case, now).Determination;
        if (deadline.State == DeadlineState.Overdue)
        {
            findings.Add(new(QaFindingCode.DeadlinePassed, FindingSeverity.Warning, null,
                $"The determination was due on {deadline.DueOn:MM/dd/yyyy}; issue it without further delay."));
        }
        return new QaReport(findings);
    }

    private static IEnumerable<QaFinding> CheckItem(int number, string treatment, ItemReview item)
    {
        if (item.Decision is null)
        {
            yield return new(QaFindingCode.ItemUndecided, FindingSeverity.Error, number, $"Item {number} ({treatment}) is not decided.");
        }
        if (string.IsNullOrWhiteSpace(item.ReviewerGuideline))
        {
            yield return new(QaFindingCode.GuidelineMissing, FindingSeverity.Error, number, $"Item {number} cites no guideline.");
        }
        else if (!CitationParser.Parse(item.ReviewerGuideline).Any(c => c is MtusCitation or NonMtusCitation))
        {
            yield return new(QaFindingCode.GuidelineUnrecognized, FindingSeverity.Warning, number,
                $"Item {number}'s guideline names no MTUS part and no other source (\"Decision based on MTUS ...\" or \"... Non-MTUS Citation ...\").");
        }
        if (string.IsNullOrWhiteSpace(item.Rationale))
        {
            yield return new(QaFindingCode.RationaleMissing, FindingSeverity.Error, number, $"Item {number} has no rationale.");
            yield break;
        }
        var concluded = RationaleConclusion.Of(item.Rationale);
        if (concluded is null)
        {
            yield return new(QaFindingCode.RationaleWithoutConclusion, FindingSeverity.Warning, number,
                $"Item {number}'s rationale never states whether the treatment is medically necessary.");
        }
        else if (item.Decision is { } d && concluded != d)
        {
            var expected = d == Decision.Upheld ? "not medically necessary" : "medically necessary";
            yield return new(QaFindingCode.RationaleContradictsDecision, FindingSeverity.Error, number,
                $"Item {number} is {d} but its rationale concludes otherwise; an {d} rationale should conclude that the treatment is {expected}.");
        }
    }
}
