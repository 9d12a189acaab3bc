using Imr.DecisionSupport;
using Imr.Letters.Model;
using Imr.Web.Infrastructure;

namespace Imr.Tests.DecisionSupport;

/// <summary>
/// A conditional criterion ("for a repeat injection ...", "for post-operative therapy ...") that does not apply to the
/// request reports "not applicable", not "met": it neither supports the request nor stands in its way.
/// </summary>
public sealed class NotApplicableTests
{
    private const string Radicular =
        "The patient has low back pain radiating to the left leg with numbness in the L5 dermatome and a positive straight leg raise on the left. " +
        "MRI of the lumbar spine showed a disc herniation at L4-5 with compression of the left L5 nerve root. " +
        "She completed physical therapy without improvement.";

    private static DraftItem Draft(string summary, string treatment) =>
        DraftEngine.Draft(new CaseFile { CaseSummary = summary, Items = [new CaseFileItem(treatment)] }).Items.Single();

    private static CriterionResult Criterion(DraftItem item, string id) => item.Criteria.Single(c => c.Id == id);

    [Fact]
    public void A_first_epidural_reports_the_repeat_criterion_not_applicable_and_is_still_overturned()
    {
        var item = Draft(Radicular, "Lumbar epidural steroid injection at left L4-5");

        var repeat = Criterion(item, "epidural-injections.repeat-response");
        Assert.Equal(CriterionStatus.NotApplicable, repeat.Status);
        Assert.Empty(repeat.Evidence);
        Assert.Equal(Decision.Overturned, item.Decision);
        Assert.DoesNotContain(repeat.Description, item.Missing);
        Assert.DoesNotContain("repeat one", item.Rationale, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_repeat_epidural_without_lasting_relief_is_checked_not_waived()
    {
        var item = Draft(Radicular + " She had a lumbar epidural steroid injection at L4-5 last year.", "Repeat lumbar epidural steroid injection at left L4-5");

        Assert.NotEqual(CriterionStatus.NotApplicable, Criterion(item, "epidural-injections.repeat-response").Status);
        Assert.Equal(Decision.Upheld, item.Decision);
    }

    [Fact]
    public void Therapy_not_after_surgery_and_not_partly_authorized_has_three_criteria_not_applicable()
    {
        var item = Draft("The patient has neck pain and stiffness since a lifting injury three weeks ago. No therapy has been given.", "Physical therapy for the neck, 6 sessions");

        Assert.Equal(CriterionStatus.NotApplicable, Criterion(item, "physical-therapy.beyond-authorized-trial").Status);
        Assert.Equal(CriterionStatus.NotApplicable, Criterion(item, "physical-therapy.surgery-necessary").Status);
        Assert.Equal(CriterionStatus.NotApplicable, Criterion(item, "physical-therapy.prior-course-benefit").Status);
        Assert.Equal(CriterionStatus.Met, Criterion(item, "physical-therapy.within-guideline-visits").Status);
        Assert.Equal(Decision.Overturned, item.Decision);
    }

    [Fact]
    public void A_non_selective_nsaid_has_the_gastrointestinal_risk_criterion_not_applicable()
    {
        var item = Draft("Naproxen 550 mg was prescribed as a first trial for knee pain.", "Naproxen 550mg #60");
        Assert.Equal(CriterionStatus.NotApplicable, Criterion(item, "nsaids.gi-risk-for-selective").Status);

        var celecoxib = Draft("Celecoxib was prescribed as a first trial for knee pain.", "Celecoxib 200mg #30");
        Assert.NotEqual(CriterionStatus.NotApplicable, Criterion(celecoxib, "nsaids.gi-risk-for-selective").Status);
    }

    [Fact]
    public void The_json_contract_and_the_workspace_say_not_applicable()
    {
        var item = Draft(Radicular, "Lumbar epidural steroid injection at left L4-5");

        Assert.Contains("\"status\":\"not applicable\"", DraftJson.Serialize("case.json", new Draft([item])));
        var web = EngineDrafter.Of(1, item).Criteria.Single(c => c.Id == "epidural-injections.repeat-response");
        Assert.Equal("not applicable", web.StatusText);
        Assert.Equal(CriterionStatus.NotApplicable, web.Status);
        Assert.Null(web.Met);
    }
}
