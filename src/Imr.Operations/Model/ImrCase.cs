using Imr.Letters.Model;

namespace Imr.Operations.Model;

/// <summary>
/// One application for independent medical review and everything the review organization does with it.
/// Immutable: each step of the flow is a method that checks the case may take it and returns the next
/// state, so a case cannot be built in a state the flow does not reach (no issued letter without an
/// approved review, no review without an assigned reviewer). <see cref="Storage.ICaseStore"/> persists
/// the steps; moments are UTC.
/// </summary>
public sealed record ImrCase
{
    private ImrCase()
    {
    }

    public CaseId Id { get; private init; }

    /// <summary>The case number, CMyy-nnnnnnn, numbered per year of receipt.</summary>
    public CaseNumber Number { get; private init; }

    /// <summary>Increases by one with every stored change; pass it back to detect a concurrent edit.</summary>
    public long Version { get; private init; }

    public CaseApplication Application { get; private init; } = null!;

    public CaseStatus Status { get; private init; }

    /// <summary>The last eligibility finding; null before the check.</summary>
    public EligibilityResult? Eligibility { get; private init; }

    /// <summary>The notice of assignment asking for records; null before it is sent.</summary>
    public RecordsRequest? RecordsRequest { get; private init; }

    /// <summary>The dates medical records arrived, in order, each once.</summary>
    public ValueList<DateOnly> RecordsReceived { get; private init; } = [];

    public ReviewerAssignment? Assignment { get; private init; }

    /// <summary>The reviewer's work; null until first saved.</summary>
    public ReviewerWork? Review { get; private init; }

    /// <summary>Quality assurance's last verdict; null until QA has acted.</summary>
    public QaResult? Qa { get; private init; }

    public IssuedDetermination? Issued { get; private init; }

    public Withdrawal? Withdrawal { get; private init; }

    public DateTimeOffset CreatedAt { get; private init; }

    public DateTimeOffset UpdatedAt { get; private init; }

    /// <summary>The reviewer the case is assigned to, if any.</summary>
    public ExpertReviewerId? AssignedReviewer => Assignment?.Reviewer;

    /// <summary>A new case for an application, in status Received.</summary>
    /// <exception cref="ValidationException">The application is not valid input.</exception>
    public static ImrCase Open(CaseId id, CaseNumber number, CaseApplication application, DateTimeOffset at)
    {
        application = application.Normalized();
        var errors = application.Validate();
        if (errors.Count > 0) throw new ValidationException(errors);
        return new ImrCase
        {
            Id = id,
            Number = number,
            Version = 1,
            Application = application,
            Status = CaseStatus.Received,
            CreatedAt = at.ToUniversalTime(),
            UpdatedAt = at.ToUniversalTime(),
        };
    }

    /// <summary>Corrects the application before review; the eligibility finding is cleared and the case
    /// is Received again.</summary>
    public ImrCase CorrectApplication(CaseApplication application, DateTimeOffset at)
    {
        Require("correct the application", CaseStatus.Received, CaseStatus.Eligible, CaseStatus.Ineligible);
        application = application.Normalized();
        var errors = application.Validate();
        if (errors.Count > 0) throw new ValidationException(errors);
        if (application.Treatments.Count != Application.Treatments.Count && Review is not null)
            throw new RuleViolationException("The number of disputed treatments cannot change once review work exists.");
        return Touch(at) with { Application = application, Eligibility = null, Status = CaseStatus.Received };
    }

    /// <summary>Records the eligibility finding: Eligible or Ineligible.</summary>
    public ImrCase RecordEligibility(EligibilityResult result, DateTimeOffset at)
    {
        Require("decide eligibility", CaseStatus.Received, CaseStatus.Eligible, CaseStatus.Ineligible);
        return Touch(at) with { Eligibility = result, Status = result.IsEligible ? CaseStatus.Eligible : CaseStatus.Ineligible };
    }

    /// <summary>The notice of assignment went out, asking the claims administrator for the records.</summary>
    public ImrCase RequestRecords(NoticeDelivery delivery, DateTimeOffset at)
    {
        Require("request records", CaseStatus.Eligible);
        return Touch(at) with { RecordsRequest = new RecordsRequest(at.ToUniversalTime(), delivery), Status = CaseStatus.RecordsRequested };
    }

    /// <summary>Medical records arrived on <paramref name="receivedOn"/>.</summary>
    public ImrCase RecordRecordsReceived(DateOnly receivedOn, DateTimeOffset at)
    {
        Require("record records received", CaseStatus.Eligible, CaseStatus.RecordsRequested, CaseStatus.Assigned, CaseStatus.InReview);
        if (receivedOn < Application.ReceivedOn)
            throw new ValidationException("receivedOn", "Records cannot arrive before the application was received.");
        return Touch(at) with { RecordsReceived = RecordsReceived.Append(receivedOn).Distinct().Order().ToList() };
    }

    /// <summary>Assigns (or, before any review work, reassigns) an expert reviewer. Whether the reviewer
    /// qualifies and is free of conflicts is <see cref="Services.ReviewerMatching"/>'s question, asked by
    /// the store before this step.</summary>
    public ImrCase Assign(ExpertReviewerId reviewer, UserId by, DateTimeOffset at)
    {
        Require("assign a reviewer", CaseStatus.RecordsRequested, CaseStatus.Assigned);
        return Touch(at) with { Assignment = new ReviewerAssignment(reviewer, at.ToUniversalTime(), by), Status = CaseStatus.Assigned };
    }

    /// <summary>Saves the reviewer's work (a draft may leave items undecided).</summary>
    public ImrCase SaveReview(ReviewerWork work, DateTimeOffset at)
    {
        Require("save review work", CaseStatus.Assigned, CaseStatus.InReview);
        if (work.Items.Count != Application.Treatments.Count)
            throw new ValidationException("items", $"The review has {work.Items.Count} item(s); the case has {Application.Treatments.Count} disputed treatment(s).");
        var normalized = new ReviewerWork(
            Text.Collapse(work.CaseSummary),
            work.Items.Select(i => new ItemReview(i.Decision, Text.Collapse(i.ReviewerGuideline), Text.Collapse(i.Rationale))).ToList());
        return Touch(at) with { Review = normalized, Status = CaseStatus.InReview };
    }

    /// <summary>The reviewer hands the work to quality assurance; every item must be decided.</summary>
    public ImrCase SubmitForQa(DateTimeOffset at)
    {
        Require("submit for QA", CaseStatus.InReview);
        var undecided = Review is null
            ? Enumerable.Range(1, Application.Treatments.Count).ToList()
            : Review.Items.Select((item, i) => (item, i)).Where(x => x.item.Decision is null).Select(x => x.i + 1).ToList();
        if (undecided.Count > 0)
            throw new RuleViolationException("Every item must be decided before QA.", [$"Undecided item(s): {string.Join(", ", undecided)}."]);
        return Touch(at) with { Status = CaseStatus.QaReview, Qa = null };
    }

    /// <summary>QA approves the work (ready to issue) or returns it to the reviewer.</summary>
    public ImrCase RecordQa(QaOutcome outcome, string notes, UserId by, DateTimeOffset at)
    {
        Require("record QA", CaseStatus.QaReview);
        var result = new QaResult(outcome, Text.Collapse(notes), by, at.ToUniversalTime());
        return Touch(at) with { Qa = result, Status = outcome == QaOutcome.Approved ? CaseStatus.QaReview : CaseStatus.InReview };
    }

    /// <summary>Records the issued final determination; QA must have approved the work.</summary>
    public ImrCase Issue(IssuedDetermination issued)
    {
        Require("issue the determination", CaseStatus.QaReview);
        if (Qa is not { Outcome: QaOutcome.Approved })
            throw new RuleViolationException("QA has not approved the review.");
        return Touch(issued.IssuedAt) with { Issued = issued, Status = CaseStatus.Issued };
    }

    /// <summary>Withdraws the case before a determination is issued.</summary>
    public ImrCase Withdraw(string reason, UserId by, DateTimeOffset at)
    {
        if (Status is CaseStatus.Issued or CaseStatus.Withdrawn)
            throw new RuleViolationException($"Cannot withdraw: the case is {StatusNames.Of(Status)}.");
        if (string.IsNullOrWhiteSpace(reason)) throw new ValidationException("reason", "A reason is required.");
        return Touch(at) with { Withdrawal = new Withdrawal(Text.Collapse(reason), at.ToUniversalTime(), by), Status = CaseStatus.Withdrawn };
    }

    private ImrCase Touch(DateTimeOffset at) => this with { UpdatedAt = at.ToUniversalTime() };

    private void Require(string action, params CaseStatus[] allowed)
    {
        if (!allowed.Contains(Status))
            throw new RuleViolationException($"Cannot {action}: the case is {StatusNames.Of(Status)} (allowed when {string.Join(" or ", allowed.Select(StatusNames.Of))}).");
    }

    internal ImrCase WithVersion(long version) => this with { Version = version };

    /// <summary>Rebuilds a stored case; the storage layer's only way in.</summary>
    internal static ImrCase Restore(
        CaseId id,
        CaseNumber number,
        long version,
        CaseApplication application,
        CaseStatus status,
        EligibilityResult? eligibility,
        RecordsRequest? recordsRequest,
        ValueList<DateOnly> recordsReceived,
        ReviewerAssignment? assignment,
        ReviewerWork? review,
        QaResult? qa,
        IssuedDetermination? issued,
        Withdrawal? withdrawal,
        DateTimeOffset createdAt,
        DateTimeOffset updatedAt) => new()
        {
            Id = id,
            Number = number,
            Version = version,
            Application = application,
            Status = status,
            Eligibility = eligibility,
            RecordsRequest = recordsRequest,
            RecordsReceived = recordsReceived,
            Assignment = assignment,
            Review = review,
            Qa = qa,
            Issued = issued,
            Withdrawal = withdrawal,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
        };
}
