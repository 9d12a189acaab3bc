using Imr.Letters.Model;
using Imr.Operations.Model;
using Imr.Operations.Services;
using static Imr.Tests.Operations.OperationsSamples;

namespace Imr.Tests.Operations;

/// <summary>The steps of <see cref="ImrCase"/>: each is taken only from the statuses the flow allows.</summary>
public sealed class CaseFlowTests
{
    [Fact]
    public void A_case_goes_from_received_to_issued_through_every_status()
    {
        var reviewer = Reviewer();
        var statuses = new List<CaseStatus>();
        var c = ImrCase.Open(CaseId.New(), CaseNumber.Parse("CM26-0000001"), Application(), NoonIn(2026, 1, 20));
        statuses.Add(c.Status);
        c = c.RecordEligibility(Eligibility.Check(c.Application, [], new DateOnly(2026, 1, 21)), NoonIn(2026, 1, 21));
        statuses.Add(c.Status);
        c = c.RequestRecords(NoticeDelivery.Electronic, NoonIn(2026, 1, 21));
        statuses.Add(c.Status);
        c = c.RecordRecordsReceived(new DateOnly(2026, 1, 28), NoonIn(2026, 1, 28)).Assign(reviewer.Id, Coordinator, NoonIn(2026, 1, 29));
        statuses.Add(c.Status);
        c = c.SaveReview(CompleteWork(), NoonIn(2026, 2, 3));
        statuses.Add(c.Status);
        c = c.SubmitForQa(NoonIn(2026, 2, 3)).RecordQa(QaOutcome.Approved, "", QaUser, NoonIn(2026, 2, 4));
        statuses.Add(c.Status);
        c = c.Issue(LetterIssuer.Issue(c, reviewer, NoonIn(2026, 2, 4), QaUser));
        statuses.Add(c.Status);

        Assert.Equal(
            [CaseStatus.Received, CaseStatus.Eligible, CaseStatus.RecordsRequested, CaseStatus.Assigned, CaseStatus.InReview, CaseStatus.QaReview, CaseStatus.Issued],
            statuses);
        Assert.Equal(NoonIn(2026, 1, 20), c.CreatedAt);
        Assert.Equal(NoonIn(2026, 2, 4), c.UpdatedAt);
    }

    [Fact]
    public void An_invalid_application_names_each_wrong_field()
    {
        var application = Application() with { EmployeeName = " ", UrDecisionDate = new DateOnly(2020, 1, 1), Treatments = [] };

        var error = Assert.Throws<ValidationException>(() => ImrCase.Open(CaseId.New(), CaseNumber.Parse("CM26-0000001"), application, NoonIn(2026, 1, 20)));

        Assert.Equal(["EmployeeName", "Treatments", "UrDecisionDate"], error.Errors.Keys.Order());
    }

    [Fact]
    public void Steps_out_of_order_are_refused_with_the_status()
    {
        var received = CaseAt(CaseStatus.Received);

        var error = Assert.Throws<RuleViolationException>(() => received.Assign(ExpertReviewerId.New(), Coordinator, NoonIn(2026, 1, 21)));
        Assert.Contains("Received", error.Message);
        Assert.Throws<RuleViolationException>(() => received.RequestRecords(NoticeDelivery.Mail, NoonIn(2026, 1, 21)));
        var early = Assert.Throws<RuleViolationException>(() => CaseAt(CaseStatus.RecordsRequested).SaveReview(CompleteWork(), NoonIn(2026, 2, 1)));
        Assert.Contains("the case is Records requested (allowed when Assigned or In review)", early.Message);
        Assert.Throws<RuleViolationException>(() => CaseAt(CaseStatus.InReview).RecordQa(QaOutcome.Approved, "", QaUser, NoonIn(2026, 2, 11)));
    }

    [Fact]
    public void Work_under_QA_cannot_be_edited_and_issues_only_after_approval()
    {
        var (approved, reviewer) = ApprovedCase();
        var submitted = CaseAt(CaseStatus.QaReview, reviewer);

        Assert.Throws<RuleViolationException>(() => submitted.SaveReview(CompleteWork(), NoonIn(2026, 2, 12)));
        Assert.Throws<RuleViolationException>(() => submitted.Issue(LetterIssuer.Issue(approved, reviewer, NoonIn(2026, 2, 13), QaUser)));
    }

    [Fact]
    public void Work_returned_by_QA_goes_back_to_review_with_the_notes()
    {
        var returned = CaseAt(CaseStatus.QaReview).RecordQa(QaOutcome.Returned, "Cite the MTUS section for item 2.", QaUser, NoonIn(2026, 2, 12));

        Assert.Equal(CaseStatus.InReview, returned.Status);
        Assert.Equal((QaOutcome.Returned, "Cite the MTUS section for item 2."), (returned.Qa!.Outcome, returned.Qa.Notes));
        Assert.Equal(CaseStatus.QaReview, returned.SaveReview(CompleteWork(), NoonIn(2026, 2, 13)).SubmitForQa(NoonIn(2026, 2, 13)).Status);
    }

    [Fact]
    public void Review_work_must_cover_each_disputed_item_and_be_decided_before_QA()
    {
        var assigned = CaseAt(CaseStatus.Assigned);

        Assert.Throws<ValidationException>(() => assigned.SaveReview(CompleteWork() with { Items = [CompleteWork().Items[0]] }, NoonIn(2026, 2, 3)));
        var draft = assigned.SaveReview(CompleteWork() with { Items = [CompleteWork().Items[0], ItemReview.Undecided] }, NoonIn(2026, 2, 3));
        var error = Assert.Throws<RuleViolationException>(() => draft.SubmitForQa(NoonIn(2026, 2, 3)));
        Assert.Contains("Undecided item(s): 2.", error.Reasons);
    }

    [Fact]
    public void A_case_can_be_withdrawn_until_it_is_issued()
    {
        var withdrawn = CaseAt(CaseStatus.InReview).Withdraw("The claims administrator authorized the treatment.", Coordinator, NoonIn(2026, 2, 11));
        Assert.Equal(CaseStatus.Withdrawn, withdrawn.Status);
        Assert.Throws<RuleViolationException>(() => withdrawn.Withdraw("again", Coordinator, NoonIn(2026, 2, 12)));

        var (approved, reviewer) = ApprovedCase();
        var issued = approved.Issue(LetterIssuer.Issue(approved, reviewer, NoonIn(2026, 2, 13), QaUser));
        Assert.Throws<RuleViolationException>(() => issued.Withdraw("too late", Coordinator, NoonIn(2026, 2, 14)));
    }

    [Fact]
    public void Correcting_the_application_before_review_clears_the_eligibility_finding()
    {
        var eligible = CaseAt(CaseStatus.Eligible);

        var corrected = eligible.CorrectApplication(eligible.Application with { EmployeeName = "  Maria   Gonzalez-Ruiz " }, NoonIn(2026, 1, 23));

        Assert.Equal((CaseStatus.Received, null), (corrected.Status, corrected.Eligibility));
        Assert.Equal("Maria Gonzalez-Ruiz", corrected.Application.EmployeeName);
        Assert.Throws<RuleViolationException>(() => CaseAt(CaseStatus.RecordsRequested).CorrectApplication(Application(), NoonIn(2026, 2, 1)));
    }

    [Fact]
    public void Records_are_kept_once_per_day_in_date_order()
    {
        var c = CaseAt(CaseStatus.RecordsRequested)
            .RecordRecordsReceived(new DateOnly(2026, 1, 25), NoonIn(2026, 2, 1))
            .RecordRecordsReceived(new DateOnly(2026, 1, 30), NoonIn(2026, 2, 1));

        Assert.Equal([new DateOnly(2026, 1, 25), new DateOnly(2026, 1, 30)], c.RecordsReceived);
    }
}
