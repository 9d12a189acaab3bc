using System.Text.Json.Serialization;
using Imr.Letters.Model;

namespace Imr.Operations.Model;

/// <summary>Where a case is in the flow. Received → Eligible or Ineligible → RecordsRequested →
/// Assigned → InReview ⇄ QaReview → Issued; Withdrawn from any status before Issued.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseStatus>))]
public enum CaseStatus
{
    /// <summary>The application is in; eligibility not yet decided.</summary>
    Received,

    /// <summary>Eligible for IMR (the date of this finding is the letter's Date Assigned).</summary>
    Eligible,

    /// <summary>Not eligible; the reasons are in <see cref="ImrCase.Eligibility"/>.</summary>
    Ineligible,

    /// <summary>The notice of assignment went out, asking the claims administrator for the records.</summary>
    RecordsRequested,

    /// <summary>An expert reviewer has the case.</summary>
    Assigned,

    /// <summary>The reviewer has saved work (or QA returned it).</summary>
    InReview,

    /// <summary>The reviewer submitted; quality assurance reviews it.</summary>
    QaReview,

    /// <summary>The final determination was issued.</summary>
    Issued,

    /// <summary>Withdrawn (by the employee, or the treatment was authorized) before a determination.</summary>
    Withdrawn,
}

public static class CaseStatusExtensions
{
    /// <summary>Closed: no more work (issued, withdrawn or ineligible).</summary>
    public static bool IsClosed(this CaseStatus status) => status is CaseStatus.Issued or CaseStatus.Withdrawn or CaseStatus.Ineligible;
}

/// <summary>Why an application is not eligible for IMR.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EligibilityCode>))]
public enum EligibilityCode
{
    /// <summary>Filed more than 30 days after service of the utilization review decision.</summary>
    Untimely,

    /// <summary>The same treatment for the same employee and injury is already in an open or decided case.</summary>
    Duplicate,

    /// <summary>No utilization review decision is in dispute.</summary>
    NoUrDecision,

    /// <summary>The dispute is over liability, not medical necessity.</summary>
    LiabilityDispute,

    /// <summary>The claims administrator has authorized the treatment.</summary>
    AlreadyAuthorized,
}

/// <summary>One reason an application is ineligible, as a code and in plain words.</summary>
public sealed record EligibilityReason(EligibilityCode Code, string Explanation);

/// <summary>The eligibility finding: eligible when there is no reason against it.</summary>
/// <param name="CheckedOn">The date of the finding; for an eligible case, the date it was assigned to
/// independent medical review (the letter's Date Assigned).</param>
public sealed record EligibilityResult(DateOnly CheckedOn, ValueList<EligibilityReason> Reasons)
{
    public bool IsEligible => Reasons.Count == 0;
}

/// <summary>How the notice of assignment (and with it the request for records) was sent; the
/// claims administrator has 15 days after a mailed notice and 12 after an electronic one.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NoticeDelivery>))]
public enum NoticeDelivery
{
    Mail,
    Electronic,
}

/// <summary>The notice of assignment sent to the parties, asking the claims administrator for the records.</summary>
public sealed record RecordsRequest(DateTimeOffset SentAt, NoticeDelivery Delivery);

/// <summary>The expert reviewer the case is assigned to.</summary>
public sealed record ReviewerAssignment(ExpertReviewerId Reviewer, DateTimeOffset AssignedAt, UserId AssignedBy);

/// <summary>
/// The expert reviewer's work: the clinical case summary and one review per disputed item, in the
/// order of <see cref="CaseApplication.Treatments"/>. A draft may leave items undecided.
/// </summary>
public sealed record ReviewerWork(string CaseSummary, ValueList<ItemReview> Items);

/// <summary>The reviewer's determination of one disputed item.</summary>
/// <param name="Decision">Upheld (not medically necessary) or Overturned (medically necessary); null in a draft.</param>
/// <param name="ReviewerGuideline">What the reviewer relied on ("Decision based on MTUS ...").</param>
/// <param name="Rationale">Why, concluding whether the item is medically necessary.</param>
public sealed record ItemReview(Decision? Decision, string ReviewerGuideline, string Rationale)
{
    public static ItemReview Undecided { get; } = new(null, "", "");
}

[JsonConverter(typeof(JsonStringEnumConverter<QaOutcome>))]
public enum QaOutcome
{
    /// <summary>Ready to issue.</summary>
    Approved,

    /// <summary>Sent back to the reviewer with notes.</summary>
    Returned,
}

/// <summary>Quality assurance's last verdict on the reviewer's work.</summary>
public sealed record QaResult(QaOutcome Outcome, string Notes, UserId By, DateTimeOffset At);

/// <summary>
/// The final determination as issued, and the copy for publication with the parties' names removed.
/// Render either with the Letters.Writing writers; publish <see cref="Redacted"/> (never
/// <see cref="Determination"/>) to the archive.
/// </summary>
public sealed record IssuedDetermination(
    Determination Determination,
    Determination Redacted,
    ValueList<RedactionCount> Redactions,
    DateTimeOffset IssuedAt,
    UserId IssuedBy);

/// <summary>How many times one kind of identifying text was replaced in the published copy.</summary>
/// <param name="Kind">"employee", "employer", "requesting physician", "claims administrator", "social security number", ...</param>
/// <param name="Replacement">The neutral words put in its place.</param>
public sealed record RedactionCount(string Kind, string Replacement, int Count);

/// <summary>Why and when a case was withdrawn.</summary>
public sealed record Withdrawal(string Reason, DateTimeOffset At, UserId By);
