using Imr.Letters.Model;
using Imr.Operations.Model;
using Imr.Operations.Services;
using static Imr.Tests.Operations.OperationsSamples;

namespace Imr.Tests.Operations;

public sealed class EligibilityTests
{
    private static readonly DateOnly Today = new(2026, 1, 22);

    private static ImrCase Other(CaseApplication application, string number = "CM26-0000007") =>
        ImrCase.Open(CaseId.New(), CaseNumber.Parse(number), application, NoonIn(2026, 1, 2));

    [Fact]
    public void A_timely_application_with_a_UR_decision_and_no_other_case_is_eligible_as_of_today()
    {
        var result = Eligibility.Check(Application(), [], Today);

        Assert.True(result.IsEligible);
        Assert.Empty(result.Reasons);
        Assert.Equal(Today, result.CheckedOn);
    }

    [Fact]
    public void Filing_deadline_is_the_UR_decision_date_plus_five_days_of_mail_service_plus_thirty()
    {
        Assert.Equal(new DateOnly(2026, 2, 9), Eligibility.FilingDeadline(new DateOnly(2026, 1, 5)));
    }

    [Fact]
    public void A_filing_deadline_on_a_weekend_moves_to_the_next_Monday()
    {
        // 2026-01-03 + 35 days = Saturday 2026-02-07.
        Assert.Equal(DayOfWeek.Saturday, new DateOnly(2026, 2, 7).DayOfWeek);
        Assert.Equal(new DateOnly(2026, 2, 9), Eligibility.FilingDeadline(new DateOnly(2026, 1, 3)));
        var application = Application() with { UrDecisionDate = new DateOnly(2026, 1, 3), ReceivedOn = new DateOnly(2026, 2, 9) };
        Assert.True(Eligibility.Check(application, [], new DateOnly(2026, 2, 10)).IsEligible);
    }

    [Fact]
    public void An_application_received_on_the_last_day_is_timely_and_one_day_later_is_untimely()
    {
        var onTime = Application() with { ReceivedOn = new DateOnly(2026, 2, 9) };
        var late = Application() with { ReceivedOn = new DateOnly(2026, 2, 10) };

        Assert.True(Eligibility.Check(onTime, [], new DateOnly(2026, 2, 11)).IsEligible);
        var reason = Assert.Single(Eligibility.Check(late, [], new DateOnly(2026, 2, 11)).Reasons);
        Assert.Equal(EligibilityCode.Untimely, reason.Code);
        Assert.Contains("02/09/2026", reason.Explanation);
    }

    [Fact]
    public void No_UR_decision_date_means_nothing_to_review()
    {
        var result = Eligibility.Check(Application() with { UrDecisionDate = null }, [], Today);

        Assert.Equal([EligibilityCode.NoUrDecision], result.Reasons.Select(r => r.Code));
        Assert.False(result.IsEligible);
    }

    [Fact]
    public void A_liability_dispute_is_not_for_IMR()
    {
        var result = Eligibility.Check(Application() with { LiabilityDisputed = true }, [], Today);

        Assert.Equal([EligibilityCode.LiabilityDispute], result.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void A_treatment_already_authorized_leaves_nothing_in_dispute()
    {
        var result = Eligibility.Check(Application() with { TreatmentAlreadyAuthorized = true }, [], Today);

        Assert.Equal([EligibilityCode.AlreadyAuthorized], result.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void The_same_treatment_for_the_same_employee_and_injury_in_an_open_case_is_a_duplicate_despite_spelling()
    {
        var other = Other(Application("NORCO 10/325 MG #60.") with { EmployeeName = "GONZALEZ, Maria" });

        var reason = Assert.Single(Eligibility.Check(Application(), [other], Today).Reasons);

        Assert.Equal(EligibilityCode.Duplicate, reason.Code);
        Assert.Contains("CM26-0000007", reason.Explanation);
        Assert.Contains("is open", reason.Explanation);
    }

    [Fact]
    public void The_same_treatment_in_a_decided_case_is_a_duplicate()
    {
        var (approved, reviewer) = ApprovedCase();
        var issued = approved.Issue(LetterIssuer.Issue(approved, reviewer, NoonIn(2026, 2, 13), QaUser));

        var reason = Assert.Single(Eligibility.Check(Application(), [issued], Today).Reasons);

        Assert.Equal(EligibilityCode.Duplicate, reason.Code);
        Assert.Contains("was decided", reason.Explanation);
    }

    [Fact]
    public void Withdrawn_and_ineligible_cases_other_injuries_other_employees_other_treatments_and_the_case_itself_are_no_duplicates()
    {
        var application = Application();
        var withdrawn = Other(application).Withdraw("Employee withdrew the application.", Coordinator, NoonIn(2026, 1, 3));
        var ineligible = Other(application).RecordEligibility(new EligibilityResult(Today, [new(EligibilityCode.Untimely, "late")]), NoonIn(2026, 1, 3));
        var otherInjury = Other(application with { DateOfInjury = new DateOnly(2023, 5, 1) });
        var otherEmployee = Other(application with { EmployeeName = "Mario Gonzales" });
        var otherTreatment = Other(Application("Physical therapy 2x6 lumbar spine"));
        var itself = Other(application);

        var result = Eligibility.Check(application, [withdrawn, ineligible, otherInjury, otherEmployee, otherTreatment, itself], Today, itself.Id);

        Assert.True(result.IsEligible, string.Join(" ", result.Reasons.Select(r => r.Explanation)));
    }

    [Fact]
    public void Every_reason_that_applies_is_given()
    {
        var application = Application() with { UrDecisionDate = null, LiabilityDisputed = true, TreatmentAlreadyAuthorized = true };

        var codes = Eligibility.Check(application, [Other(Application())], Today).Reasons.Select(r => r.Code);

        Assert.Equal([EligibilityCode.NoUrDecision, EligibilityCode.Duplicate, EligibilityCode.LiabilityDispute, EligibilityCode.AlreadyAuthorized], codes);
    }
}
