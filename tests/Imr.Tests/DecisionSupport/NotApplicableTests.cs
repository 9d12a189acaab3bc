using Imr.DecisionSupport;
using Imr.Letters.Model;
using Imr.Web.Infrastructure;
using static Imr.Tests.DecisionSupport.Drafts;

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

    private const string NewNeckPain = "The patient has neck pain and stiffness since a lifting injury three weeks ago. No therapy has been given.";

    [Fact]
    public void A_first_epidural_reports_the_repeat_criterion_not_applicable_and_is_still_overturned()
    {
        var item = Draft(Radicular, "Lumbar epidural steroid injection at left L4-5");

        var repeat = item.Criteria.Single(c => c.Id == "epidural-injections.repeat-response");
        Assert.Equal(CriterionStatus.NotApplicable, repeat.Status);
        Assert.Empty(repeat.Evidence);
        Assert.Equal(Decision.Overturned, item.Decision);
        Assert.DoesNotContain(repeat.Description, item.Missing);
        Assert.DoesNotContain("repeat one", item.Rationale, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(NewNeckPain, "Physical therapy for the neck, 6 sessions", "physical-therapy.beyond-authorized-trial")]
    [InlineData(NewNeckPain, "Physical therapy for the neck, 6 sessions", "physical-therapy.surgery-necessary")]
    [InlineData(NewNeckPain, "Physical therapy for the neck, 6 sessions", "physical-therapy.prior-course-benefit")]
    [InlineData("Naproxen 550 mg was prescribed as a first trial for knee pain.", "Naproxen 550mg #60", "nsaids.gi-risk-for-selective")]
    public void A_criterion_whose_condition_the_request_does_not_meet_is_not_applicable(string summary, string treatment, string criterion) =>
        Assert.Equal(CriterionStatus.NotApplicable, Status(Draft(summary, treatment), criterion));

    [Theory]
    [InlineData(Radicular + " She had a lumbar epidural steroid injection at L4-5 last year.", "Repeat lumbar epidural steroid injection at left L4-5", "epidural-injections.repeat-response")]
    [InlineData("Celecoxib was prescribed as a first trial for knee pain.", "Celecoxib 200mg #30", "nsaids.gi-risk-for-selective")]
    public void A_criterion_whose_condition_the_request_meets_is_checked(string summary, string treatment, string criterion) =>
        Assert.NotEqual(CriterionStatus.NotApplicable, Status(Draft(summary, treatment), criterion));

    [Fact]
    public void Criteria_not_applicable_do_not_stand_in_the_way_of_a_first_course_of_therapy() =>
        Assert.Equal(Decision.Overturned, Draft(NewNeckPain, "Physical therapy for the neck, 6 sessions").Decision);

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
