using Imr.DecisionSupport;
using Imr.Letters.Model;
using static Imr.Tests.DecisionSupport.Drafts;

namespace Imr.Tests.DecisionSupport;

/// <summary>
/// The ACOEM chapters' criteria for imaging, each with small invented case summaries: the period of conservative care
/// and observation, a first course of therapy still to come, the provocative tests of the shoulder and a diagnosed tear
/// of the knee.
/// </summary>
public sealed class ImagingReasoningTests
{
    [Fact]
    public void Spine_imaging_waits_for_the_period_of_conservative_care_without_a_red_flag()
    {
        const string radicular = "The patient reports neck pain radiating to the right arm rated 7/10, with decreased sensation in the right C6 dermatome " +
            "and 4/5 weakness of the right biceps. Treatment has included home exercises and modified duty, and the pain persists.";
        var early = Draft(radicular, "MRI of the cervical spine", new DateOnly(2016, 10, 1), new DateOnly(2016, 10, 20));
        Assert.Equal(CriterionStatus.NotMet, Status(early, "imaging-cervical.failed-conservative-care"));
        Assert.Equal(Decision.Upheld, early.Decision);

        var later = Draft(radicular, "MRI of the cervical spine", new DateOnly(2016, 8, 1), new DateOnly(2016, 10, 20));
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

    [Theory]
    [InlineData("The right shoulder is tender over the bicipital groove, with positive Speed's, Yergason's and O'Brien's tests.", "MRI of the right shoulder", "imaging-shoulder.suspected-lesion", true)]
    [InlineData("The right shoulder is tender; Speed's and O'Brien's tests are negative.", "MRI of the right shoulder", "imaging-shoulder.suspected-lesion", false)]
    [InlineData("Diagnoses include right knee medial meniscus tear. There is effusion and medial joint line tenderness.", "MRI of the right knee", "imaging-knee.suspected-derangement", true)]
    [InlineData("Diagnoses include right knee sprain. There is no locking or giving way; McMurray's test is negative.", "MRI of the right knee", "imaging-knee.suspected-derangement", false)]
    public void Reads_the_lesion_the_study_would_confirm(string summary, string treatment, string criterion, bool met) =>
        Assert.Equal(met, Status(Draft(summary, treatment), criterion) == CriterionStatus.Met);

    [Fact]
    public void A_diagnosed_meniscus_tear_that_failed_therapy_is_imaged() =>
        Assert.Equal(Decision.Overturned, Draft("Diagnoses include right knee medial meniscus tear. There is effusion and medial joint line tenderness. " +
            "Pain persists despite physical therapy.", "MRI of the right knee").Decision);
}
