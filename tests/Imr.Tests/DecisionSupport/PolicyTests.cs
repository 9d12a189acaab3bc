using Imr.DecisionSupport;
using Imr.DecisionSupport.Knowledge;
using Imr.Letters.Citations;
using Imr.Letters.Model;

namespace Imr.Tests.DecisionSupport;

/// <summary>Each policy checked phrase by phrase: a summary that meets it is Overturned with evidence taken from the
/// summary; one that lacks a required criterion is Upheld with the criterion among what is missing or not met.</summary>
public sealed class PolicyTests
{
    private static DraftItem Draft(string summary, string treatment) =>
        DraftEngine.Draft(new CaseFile { CaseSummary = summary, Items = [new CaseFileItem(treatment)] }).Items.Single();

    private static void AssertEvidenceIsFromSummary(string summary, DraftItem item)
    {
        foreach (var span in item.Criteria.SelectMany(c => c.Evidence))
            Assert.Equal(summary.Substring(span.Start, span.Length), span.Text);
    }

    [Fact]
    public void Lumbar_mri_with_a_deficit_after_failed_conservative_care_is_overturned()
    {
        const string summary = "The patient has low back pain radiating to the left leg. Examination showed decreased sensation in the left L5 dermatome. Pain persists despite physical therapy and medications.";
        var item = Draft(summary, "MRI of the lumbar spine");
        Assert.Equal("imaging-lumbar", item.Policy);
        Assert.Equal(Decision.Overturned, item.Decision);
        Assert.Equal(CriterionStatus.Met, item.Criteria.Single(c => c.Id == "imaging-lumbar.indication").Status);
        Assert.NotEmpty(item.Criteria.Single(c => c.Id == "imaging-lumbar.indication").Evidence);
        AssertEvidenceIsFromSummary(summary, item);
        var mtus = Assert.IsType<MtusCitation>(Assert.Single(item.Citations));
        Assert.Equal("Low Back Complaints", mtus.Guideline);
        Assert.Equal(["Special Studies", "Summary"], mtus.Sections);
        Assert.Contains("Therefore, the request for MRI of the lumbar spine is medically necessary.", item.Rationale);
    }

    [Fact]
    public void Lumbar_mri_without_neurological_findings_is_upheld_with_the_indication_missing()
    {
        const string summary = "The patient has low back pain. Pain persists despite physical therapy and medications.";
        var item = Draft(summary, "MRI of the lumbar spine");
        Assert.Equal(Decision.Upheld, item.Decision);
        Assert.Contains(item.Missing, m => m.StartsWith("Red flags", StringComparison.Ordinal));
        Assert.Contains("is not medically necessary.", item.Rationale);
    }

    [Fact]
    public void Physical_therapy_within_the_guideline_visits_without_a_prior_course_is_overturned()
    {
        var item = Draft("The patient reports neck pain after a fall three weeks ago.", "Physical therapy 2x4 for the cervical spine");
        Assert.Equal("physical-therapy", item.Policy);
        Assert.Equal(Decision.Overturned, item.Decision);
        Assert.Equal("Physical medicine treatment", Assert.IsType<MtusCitation>(item.Citations[0]).Sections[0]);
    }

    [Fact]
    public void Physical_therapy_beyond_the_guideline_visits_is_upheld()
    {
        var item = Draft("The patient reports neck pain after a fall three weeks ago.", "Physical therapy 3x6 for the cervical spine");
        Assert.Equal(Decision.Upheld, item.Decision);
        Assert.Equal(CriterionStatus.NotMet, item.Criteria.Single(c => c.Id == "physical-therapy.within-guideline-visits").Status);
    }

    [Fact]
    public void Proton_pump_inhibitor_needs_nsaid_use_and_a_gi_risk_factor()
    {
        const string with = "The patient takes naproxen 550 mg twice daily and reports gastritis.";
        var met = Draft(with, "Omeprazole 20mg #60");
        Assert.Equal("gi-protection", met.Policy);
        Assert.Equal(Decision.Overturned, met.Decision);
        AssertEvidenceIsFromSummary(with, met);

        var lacking = Draft("The patient takes naproxen 550 mg twice daily.", "Omeprazole 20mg #60");
        Assert.Equal(Decision.Upheld, lacking.Decision);
        Assert.Contains(lacking.Missing, m => m.StartsWith("A gastrointestinal risk factor", StringComparison.Ordinal));
    }

    [Fact]
    public void Compounded_topical_with_a_non_recommended_drug_is_upheld()
    {
        var item = Draft("The patient has neuropathic pain.", "Flurbiprofen/cyclobenzaprine cream 120g");
        Assert.Equal("topical-analgesics", item.Policy);
        Assert.Equal(Decision.Upheld, item.Decision);
        Assert.Equal(CriterionStatus.NotMet, item.Criteria.Single(c => c.Id == "topical-analgesics.recommended-ingredients").Status);
    }

    [Fact]
    public void Surgical_adjunct_follows_an_authorized_surgery()
    {
        var item = Draft("The 62-year-old patient has hypertension. The left knee arthroscopy was certified by utilization review.", "Pre-operative medical clearance");
        Assert.Equal("surgical-adjuncts", item.Policy);
        Assert.Equal(Decision.Overturned, item.Decision);

        var without = Draft("The patient has knee pain.", "Pre-operative medical clearance");
        Assert.Equal(Decision.Upheld, without.Decision);
    }

    [Fact]
    public void A_category_without_a_policy_falls_back_to_upheld_with_no_policy()
    {
        var item = Draft("The patient has low back pain.", "Transportation to appointments");
        Assert.Null(item.Policy);
        Assert.Equal(Decision.Upheld, item.Decision);
        Assert.Empty(item.Citations);
    }

    [Fact]
    public void Every_policy_has_ids_prefixed_by_it_and_sources()
    {
        foreach (var policy in PolicyCatalogue.All)
        {
            Assert.NotEmpty(policy.Criteria);
            Assert.Contains(policy.Criteria, c => c.Required);
            Assert.All(policy.Criteria, c => Assert.StartsWith(policy.Id + ".", c.Id, StringComparison.Ordinal));
            Assert.All(policy.Criteria, c => Assert.False(string.IsNullOrWhiteSpace(c.Source)));
        }
        Assert.Equal(PolicyCatalogue.All.Count, PolicyCatalogue.All.Select(p => p.Id).Distinct().Count());
    }
}

public sealed class EvidenceHierarchyTests
{
    [Fact]
    public void The_six_standards_are_in_statutory_order()
    {
        Assert.Equal("ABCDEF", string.Concat(EvidenceHierarchy.Standards.Select(s => s.Letter)));
    }

    [Fact]
    public void A_lower_standard_is_used_only_when_every_higher_one_is_inapplicable()
    {
        Assert.False(EvidenceHierarchy.MayRelyOn(EvidenceLevel.PeerReviewed, [EvidenceLevel.Mtus, EvidenceLevel.PeerReviewed]));
        Assert.True(EvidenceHierarchy.MayRelyOn(EvidenceLevel.PeerReviewed, [EvidenceLevel.PeerReviewed, EvidenceLevel.ExpertOpinion]));
        Assert.True(EvidenceHierarchy.MayRelyOn(EvidenceLevel.Mtus, [EvidenceLevel.Mtus, EvidenceLevel.GenerallyAccepted]));
        Assert.False(EvidenceHierarchy.MayRelyOn(EvidenceLevel.ExpertOpinion, [EvidenceLevel.Mtus]));
        Assert.Equal(EvidenceLevel.NationalStandards, EvidenceHierarchy.Governing([EvidenceLevel.LikelyBenefit, EvidenceLevel.NationalStandards]));
    }

    [Fact]
    public void Of_candidate_policies_only_the_highest_level_is_admissible()
    {
        var mtus = PolicyCatalogue.All.First(p => p.Level == EvidenceLevel.Mtus);
        var odg = mtus with { Id = "odg-variant", Level = EvidenceLevel.PeerReviewed };
        Assert.Equal([mtus], EvidenceHierarchy.Admissible([odg, mtus]));
        Assert.Equal([odg], EvidenceHierarchy.Admissible([odg]));
    }
}
