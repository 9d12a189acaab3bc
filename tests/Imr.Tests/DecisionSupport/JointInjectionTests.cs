using Imr.DecisionSupport;
using Imr.DecisionSupport.Knowledge;
using Imr.DecisionSupport.Knowledge.Policies;
using Imr.Letters.Citations;
using Imr.Letters.Model;

namespace Imr.Tests.DecisionSupport;

/// <summary>The joint injection policy: corticosteroid, hyaluronic acid and biologic injections, phrase by phrase.</summary>
public sealed class JointInjectionTests
{
    private static DraftItem Draft(string summary, string treatment) =>
        DraftEngine.Draft(new CaseFile { CaseSummary = summary, Items = [new CaseFileItem(treatment)] }).Items.Single();

    private const string KneeOsteoarthritis = "The patient has right knee pain. X-rays show severe osteoarthritis of the right knee with bone-on-bone medial joint space. Pain persists despite physical therapy and NSAIDs.";

    [Theory]
    [InlineData("Platelet-rich plasma injection to the right knee", JointInjections.Agent.Biologic)]
    [InlineData("PRP injection left elbow", JointInjections.Agent.Biologic)]
    [InlineData("Stem cell injection to the knee", JointInjections.Agent.Biologic)]
    [InlineData("Synvisc-One injection right knee", JointInjections.Agent.HyaluronicAcid)]
    [InlineData("Series of 3 hyaluronic acid injections", JointInjections.Agent.HyaluronicAcid)]
    [InlineData("Cortisone injection to the left shoulder", JointInjections.Agent.Corticosteroid)]
    [InlineData("Right knee intra-articular injection with Kenalog", JointInjections.Agent.Corticosteroid)]
    public void The_agent_is_read_from_the_request(string treatment, JointInjections.Agent agent) =>
        Assert.Equal(agent, JointInjections.AgentOf(treatment));

    [Theory]
    [InlineData("Synvisc injection right knee", "knee", true)]
    [InlineData("Hyaluronic acid injection right hip", "hip", false)]
    [InlineData("Viscosupplementation left shoulder", "shoulder", false)]
    [InlineData("PRP injection right knee", "knee", false)]
    [InlineData("Steroid injection right hip", "hip", true)]
    public void Hyaluronic_acid_is_for_the_knee_only_and_biologics_are_not_recommended(string treatment, string region, bool recommended) =>
        Assert.Equal(recommended, JointInjections.AgentRecommended(treatment, region));

    [Fact]
    public void Knee_corticosteroid_injection_for_osteoarthritis_after_failed_care_is_overturned_citing_acoem_initial_care()
    {
        var item = Draft(KneeOsteoarthritis, "Corticosteroid injection to the right knee");
        Assert.Equal("joint-injections", item.Policy);
        Assert.Equal(Decision.Overturned, item.Decision);
        Assert.NotEmpty(item.Criteria.Single(c => c.Id == "joint-injections.indication").Evidence);
        var mtus = Assert.IsType<MtusCitation>(Assert.Single(item.Citations));
        Assert.Equal("Knee Complaints", mtus.Guideline);
        Assert.Equal(["Initial Care"], mtus.Sections);
    }

    [Fact]
    public void Knee_hyaluronic_acid_for_severe_osteoarthritis_after_failed_care_is_overturned_citing_odg()
    {
        var item = Draft(KneeOsteoarthritis, "Synvisc-One injection to the right knee");
        Assert.Equal(Decision.Overturned, item.Decision);
        var odg = Assert.IsType<NonMtusCitation>(Assert.Single(item.Citations));
        Assert.Equal(NonMtusSource.Odg, odg.Source);
        Assert.Contains("Hyaluronic acid", odg.Reference);
    }

    [Fact]
    public void Hyaluronic_acid_without_severe_osteoarthritis_is_upheld()
    {
        var item = Draft("The patient has right knee pain with mild degenerative changes. Pain persists despite physical therapy and NSAIDs.", "Synvisc-One injection to the right knee");
        Assert.Equal(Decision.Upheld, item.Decision);
        Assert.NotEqual(CriterionStatus.Met, item.Criteria.Single(c => c.Id == "joint-injections.indication").Status);
    }

    [Fact]
    public void Platelet_rich_plasma_is_upheld_even_when_the_rest_is_met()
    {
        var item = Draft(KneeOsteoarthritis, "Platelet-rich plasma injection to the right knee");
        Assert.Equal(Decision.Upheld, item.Decision);
        Assert.Equal(CriterionStatus.NotMet, item.Criteria.Single(c => c.Id == "joint-injections.recommended-agent").Status);
        Assert.IsType<NonMtusCitation>(Assert.Single(item.Citations));
    }

    [Fact]
    public void A_repeat_injection_needs_relief_from_the_earlier_one_unless_the_request_is_retrospective()
    {
        const string summary = "The patient has left shoulder pain from subacromial bursitis. Pain persists despite physical therapy and NSAIDs. She received a cortisone injection to the left shoulder in March.";
        var repeat = Draft(summary, "Cortisone injection to the left shoulder");
        Assert.Equal(Decision.Upheld, repeat.Decision);
        Assert.NotEqual(CriterionStatus.Met, repeat.Criteria.Single(c => c.Id == "joint-injections.repeat-response").Status);

        var retrospective = Draft(summary, "Retrospective cortisone injection to the left shoulder (DOS 3/15)");
        Assert.Equal(CriterionStatus.NotApplicable, retrospective.Criteria.Single(c => c.Id == "joint-injections.repeat-response").Status);

        var relieved = Draft(summary + " The injection gave 70% relief for 3 months with improved function.", "Cortisone injection to the left shoulder");
        Assert.Equal(CriterionStatus.Met, relieved.Criteria.Single(c => c.Id == "joint-injections.repeat-response").Status);
    }

    [Fact]
    public void A_hip_corticosteroid_injection_cites_odg_as_no_acoem_chapter_covers_the_hip()
    {
        var item = Draft("The patient has left hip pain from trochanteric bursitis. Pain persists despite physical therapy.", "Steroid injection to the left hip");
        var odg = Assert.IsType<NonMtusCitation>(Assert.Single(item.Citations));
        Assert.Contains("Hip & Pelvis", odg.Reference);
    }
}

/// <summary>The inpatient rehabilitation policy (ODG skilled nursing facility criteria).</summary>
public sealed class InpatientRehabilitationTests
{
    private static DraftItem Draft(string summary, string treatment) =>
        DraftEngine.Draft(new CaseFile { CaseSummary = summary, Items = [new CaseFileItem(treatment)] }).Items.Single();

    [Fact]
    public void A_stay_after_a_fracture_with_new_functional_limitations_is_overturned()
    {
        var item = Draft("The patient sustained a fracture of the left calcaneus and is non-weight-bearing; she is unable to perform her activities of daily living.",
            "Acute inpatient rehabilitation 7 days");
        Assert.Equal("inpatient-rehabilitation", item.Policy);
        Assert.Equal(Decision.Overturned, item.Decision);
        Assert.IsType<NonMtusCitation>(Assert.Single(item.Citations));
    }

    [Fact]
    public void A_stay_without_a_major_injury_or_surgery_is_upheld()
    {
        var item = Draft("The patient has chronic low back pain and walks with a cane.", "Inpatient rehabilitation 2 weeks");
        Assert.Equal(Decision.Upheld, item.Decision);
        Assert.NotEqual(CriterionStatus.Met, item.Criteria.Single(c => c.Id == "inpatient-rehabilitation.major-injury").Status);
    }

    [Fact]
    public void An_extension_needs_documented_progress()
    {
        var item = Draft("The patient sustained a fracture of the left calcaneus and is non-weight-bearing.",
            "Remaining one week of acute rehabilitation unit");
        Assert.Equal(Decision.Upheld, item.Decision);
        Assert.NotEqual(CriterionStatus.Met, item.Criteria.Single(c => c.Id == "inpatient-rehabilitation.progress").Status);
    }

    [Fact]
    public void A_functional_restoration_program_keeps_its_mtus_policy() =>
        Assert.Equal("functional-restoration", Draft("The patient has chronic pain.", "Functional restoration program 10 days").Policy);
}
