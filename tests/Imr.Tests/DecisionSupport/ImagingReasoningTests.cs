using Imr.DecisionSupport;
using Imr.Letters.Model;

namespace Imr.Tests.DecisionSupport;

/// <summary>
/// The ACOEM chapters' criteria for imaging, each with small invented case summaries: the period of conservative care
/// and observation, a first course of therapy still to come, a red flag read for its own body part, the provocative
/// tests of the shoulder and a diagnosed tear of the knee.
/// </summary>
public sealed class ImagingReasoningTests
{
    private static DraftItem Draft(string summary, string treatment, DateOnly? injury = null, DateOnly? review = null) =>
        DraftEngine.Draft(new CaseFile { CaseSummary = summary, Items = [new CaseFileItem(treatment)], DateOfInjury = injury, UrDenialDate = review }).Items.Single();

    private static CriterionStatus Status(DraftItem item, string id) => item.Criteria.Single(c => c.Id == id).Status;

    private const string Radicular =
        "The patient reports neck pain radiating to the right arm rated 7/10. Examination shows decreased sensation in the right C6 dermatome " +
        "and 4/5 weakness of the right biceps. Treatment has included home exercises and modified duty, and the pain persists.";

    [Fact]
    public void Spine_imaging_waits_for_the_period_of_conservative_care_without_a_red_flag()
    {
        var early = Draft(Radicular, "MRI of the cervical spine", new DateOnly(2016, 10, 1), new DateOnly(2016, 10, 20));
        Assert.Equal(CriterionStatus.NotMet, Status(early, "imaging-cervical.failed-conservative-care"));
        Assert.Equal(Decision.Upheld, early.Decision);

        var later = Draft(Radicular, "MRI of the cervical spine", new DateOnly(2016, 8, 1), new DateOnly(2016, 10, 20));
        Assert.Equal(CriterionStatus.Met, Status(later, "imaging-cervical.failed-conservative-care"));
        Assert.Equal(Decision.Overturned, later.Decision);
    }

    [Fact]
    public void A_red_flag_does_not_wait_for_the_period_of_conservative_care()
    {
        var item = Draft("The patient fell from a ladder last week. CT showed an acute compression fracture of T12 with back pain rated 8/10.",
            "MRI of the thoracic spine", new DateOnly(2016, 10, 10), new DateOnly(2016, 10, 20));
        Assert.Equal(CriterionStatus.Met, Status(item, "imaging-cervical.failed-conservative-care"));
    }

    [Fact]
    public void Imaging_asked_for_with_a_first_course_of_therapy_comes_before_the_therapy_has_failed()
    {
        const string summary = "The patient has low back pain rated 7/10 radiating to the left leg, decreased sensation in the left L5 dermatome " +
            "and a positive straight leg raise on the left. Treatment to date includes home exercises and medications, and the pain persists.";
        var planned = Draft(summary + " The treatment plan includes an MRI of the lumbar spine and physical therapy.", "MRI of the lumbar spine");
        Assert.Equal(CriterionStatus.NotMet, Status(planned, "imaging-lumbar.failed-conservative-care"));
        Assert.Equal(Decision.Upheld, planned.Decision);

        var given = Draft(summary + " She completed 8 sessions of physical therapy without improvement.", "MRI of the lumbar spine");
        Assert.Equal(CriterionStatus.Met, Status(given, "imaging-lumbar.failed-conservative-care"));
        Assert.Equal(Decision.Overturned, given.Decision);
    }

    [Fact]
    public void A_fracture_counts_for_the_body_part_named_with_it_not_for_the_whole_clause()
    {
        var arm = Draft("Diagnoses include strain of the thoracic spine and right radius fracture. The neck is tender without spasm.", "MRI of the cervical spine");
        Assert.NotEqual(CriterionStatus.Met, Status(arm, "imaging-cervical.indication"));

        var spine = Draft("Diagnoses include strain of the right wrist and compression fracture of the T12 vertebra.", "MRI of the thoracic spine");
        Assert.Equal(CriterionStatus.Met, Status(spine, "imaging-cervical.indication"));
    }

    [Fact]
    public void Positive_provocative_shoulder_tests_in_a_list_are_evidence_of_a_lesion()
    {
        var item = Draft("The right shoulder is tender over the bicipital groove, with positive Speed's, Yergason's and O'Brien's tests.", "MRI of the right shoulder");
        Assert.Equal(CriterionStatus.Met, Status(item, "imaging-shoulder.suspected-lesion"));

        var negative = Draft("The right shoulder is tender; Speed's and O'Brien's tests are negative.", "MRI of the right shoulder");
        Assert.NotEqual(CriterionStatus.Met, Status(negative, "imaging-shoulder.suspected-lesion"));
    }

    [Fact]
    public void A_diagnosed_meniscus_tear_is_a_suspected_derangement_of_the_knee()
    {
        var item = Draft("Diagnoses include right knee medial meniscus tear. There is effusion and medial joint line tenderness. Pain persists despite physical therapy.",
            "MRI of the right knee");
        Assert.Equal(CriterionStatus.Met, Status(item, "imaging-knee.suspected-derangement"));
        Assert.Equal(Decision.Overturned, item.Decision);

        var sprain = Draft("Diagnoses include right knee sprain. There is no locking or giving way; McMurray's test is negative.", "MRI of the right knee");
        Assert.NotEqual(CriterionStatus.Met, Status(sprain, "imaging-knee.suspected-derangement"));
    }
}
