using Imr.Operations.Model;

namespace Imr.Operations.Services;

/// <summary>
/// One step of the case flow, as the store applies it: what permission it takes, how it is audited,
/// and the pure step of <see cref="ImrCase"/> it runs. The set is closed (the steps below); the store
/// loads what a step needs (the employee's other cases, a reviewer of the roster) in the same
/// transaction, so that no caller can skip a check by supplying its own.
/// </summary>
public abstract record CaseChange
{
    private protected CaseChange()
    {
    }

    /// <summary>What the acting user must be allowed (on this case).</summary>
    public abstract Permission Permission { get; }

    /// <summary>How the step is written to the audit log.</summary>
    public abstract AuditAction AuditAction { get; }

    internal virtual bool NeedsOtherCases => false;

    /// <summary>The roster entry the step needs, if any.</summary>
    internal virtual ExpertReviewerId? ReviewerNeeded(ImrCase current) => null;

    internal abstract ImrCase Apply(ImrCase current, CaseChangeContext context);

    /// <summary>The audit detail: what changed, without clinical text.</summary>
    internal abstract string Describe(ImrCase before, ImrCase after);
}

/// <summary>What the store hands a step: the actor, the moment, and what the step asked it to load.</summary>
internal sealed record CaseChangeContext(User Actor, DateTimeOffset Now, IReadOnlyList<ImrCase> OtherCases, ExpertReviewer? Reviewer)
{
    public DateOnly Today => Deadlines.DateIn(Now);
}

/// <summary>Corrects the application (before review); eligibility must then be decided again.</summary>
public sealed record CorrectApplication(CaseApplication Application) : CaseChange
{
    public override Permission Permission => Permission.EditCase;

    public override AuditAction AuditAction => AuditAction.Update;

    internal override ImrCase Apply(ImrCase current, CaseChangeContext context) => current.CorrectApplication(Application, context.Now);

    internal override string Describe(ImrCase before, ImrCase after) => "application corrected; eligibility to be decided again";
}

/// <summary>Decides eligibility (<see cref="Eligibility.Check"/>) against the employee's other cases in the store.</summary>
public sealed record CheckEligibility : CaseChange
{
    public override Permission Permission => Permission.EditCase;

    public override AuditAction AuditAction => AuditAction.Update;

    internal override bool NeedsOtherCases => true;

    internal override ImrCase Apply(ImrCase current, CaseChangeContext context) =>
        current.RecordEligibility(Eligibility.Check(current.Application, context.OtherCases, context.Today, current.Id), context.Now);

    internal override string Describe(ImrCase before, ImrCase after) =>
        after.Eligibility is { IsEligible: true }
            ? "eligibility: eligible"
            : "eligibility: ineligible (" + string.Join(", ", after.Eligibility!.Reasons.Select(r => r.Code)) + ")";
}

/// <summary>Sends the notice of assignment, asking the claims administrator for the records.</summary>
public sealed record RequestRecords(NoticeDelivery Delivery) : CaseChange
{
    public override Permission Permission => Permission.EditCase;

    public override AuditAction AuditAction => AuditAction.Update;

    internal override ImrCase Apply(ImrCase current, CaseChangeContext context) => current.RequestRecords(Delivery, context.Now);

    internal override string Describe(ImrCase before, ImrCase after) => $"records requested ({Delivery.ToString().ToLowerInvariant()} notice)";
}

/// <summary>Records that medical records arrived on a day (not in the future).</summary>
public sealed record RecordRecordsReceived(DateOnly ReceivedOn) : CaseChange
{
    public override Permission Permission => Permission.EditCase;

    public override AuditAction AuditAction => AuditAction.Update;

    internal override ImrCase Apply(ImrCase current, CaseChangeContext context)
    {
        if (ReceivedOn > context.Today) throw new ValidationException(nameof(ReceivedOn), "is in the future.");
        return current.RecordRecordsReceived(ReceivedOn, context.Now);
    }

    internal override string Describe(ImrCase before, ImrCase after) => $"records received {ReceivedOn:yyyy-MM-dd}";
}

/// <summary>Assigns an expert reviewer; refused, with the reasons, when <see cref="ReviewerMatching"/>
/// excludes them (a conflict of interest, qualifications, inactive).</summary>
public sealed record AssignReviewer(ExpertReviewerId Reviewer) : CaseChange
{
    public override Permission Permission => Permission.AssignReviewer;

    public override AuditAction AuditAction => AuditAction.Assign;

    internal override ExpertReviewerId? ReviewerNeeded(ImrCase current) => Reviewer;

    internal override ImrCase Apply(ImrCase current, CaseChangeContext context)
    {
        var reviewer = context.Reviewer ?? throw new NotFoundException($"No reviewer {Reviewer} on the roster.");
        var match = ReviewerMatching.Evaluate(current, reviewer);
        if (!match.Included)
            throw new RuleViolationException($"Reviewer {reviewer.Name} cannot take case {current.Number}.", match.Reasons.Where(r => r.Excludes).Select(r => r.Text).ToList());
        return current.Assign(Reviewer, context.Actor.Id, context.Now);
    }

    internal override string Describe(ImrCase before, ImrCase after) =>
        before.AssignedReviewer is { } previous ? $"reviewer {Reviewer} assigned (was {previous})" : $"reviewer {Reviewer} assigned";
}

/// <summary>Saves the reviewer's work (a draft may leave items undecided).</summary>
public sealed record SaveReview(ReviewerWork Work) : CaseChange
{
    public override Permission Permission => Permission.ReviewCase;

    public override AuditAction AuditAction => AuditAction.Decide;

    internal override ImrCase Apply(ImrCase current, CaseChangeContext context) => current.SaveReview(Work, context.Now);

    internal override string Describe(ImrCase before, ImrCase after) =>
        "review saved: " + string.Join(", ", after.Review!.Items.Select((i, n) => $"item {n + 1} {i.Decision?.ToString() ?? "undecided"}"));
}

/// <summary>The reviewer submits the work to quality assurance.</summary>
public sealed record SubmitForQa : CaseChange
{
    public override Permission Permission => Permission.ReviewCase;

    public override AuditAction AuditAction => AuditAction.Decide;

    internal override ImrCase Apply(ImrCase current, CaseChangeContext context) => current.SubmitForQa(context.Now);

    internal override string Describe(ImrCase before, ImrCase after) => "submitted for QA";
}

/// <summary>QA approves the work or returns it with notes. Approval is refused while
/// <see cref="QualityCheck"/> finds an error.</summary>
public sealed record RecordQa(QaOutcome Outcome, string Notes) : CaseChange
{
    public override Permission Permission => Permission.QaCase;

    public override AuditAction AuditAction => AuditAction.Qa;

    internal override ImrCase Apply(ImrCase current, CaseChangeContext context)
    {
        if (Outcome == QaOutcome.Approved)
        {
            var report = QualityCheck.Run(current, context.Now);
            if (!report.CanApprove)
                throw new RuleViolationException("The review fails the quality check.", report.Findings.Where(f => f.Severity == FindingSeverity.Error).Select(f => f.Message).ToList());
        }
        else if (string.IsNullOrWhiteSpace(Notes))
        {
            throw new ValidationException(nameof(Notes), "say what the reviewer should change.");
        }
        return current.RecordQa(Outcome, Notes ?? "", context.Actor.Id, context.Now);
    }

    internal override string Describe(ImrCase before, ImrCase after) => $"QA {Outcome.ToString().ToLowerInvariant()}";
}

/// <summary>Issues the final determination (<see cref="LetterIssuer.Issue"/>) with the assigned reviewer's
/// credentials, dated today.</summary>
public sealed record IssueDetermination : CaseChange
{
    public override Permission Permission => Permission.IssueDetermination;

    public override AuditAction AuditAction => AuditAction.Issue;

    internal override ExpertReviewerId? ReviewerNeeded(ImrCase current) => current.AssignedReviewer;

    internal override ImrCase Apply(ImrCase current, CaseChangeContext context)
    {
        var reviewer = context.Reviewer ?? throw new RuleViolationException($"Case {current.Number} has no assigned reviewer.");
        return current.Issue(LetterIssuer.Issue(current, reviewer, context.Now, context.Actor.Id));
    }

    internal override string Describe(ImrCase before, ImrCase after) =>
        "determination issued: " + string.Join(", ", after.Issued!.Determination.Items.Select((i, n) => $"item {n + 1} {i.Decision}"));
}

/// <summary>Withdraws the case before a determination.</summary>
public sealed record Withdraw(string Reason) : CaseChange
{
    public override Permission Permission => Permission.EditCase;

    public override AuditAction AuditAction => AuditAction.Withdraw;

    internal override ImrCase Apply(ImrCase current, CaseChangeContext context) => current.Withdraw(Reason, context.Actor.Id, context.Now);

    internal override string Describe(ImrCase before, ImrCase after) => "withdrawn: " + after.Withdrawal!.Reason;
}
