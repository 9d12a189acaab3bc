using Imr.Clinical;
using static Imr.Tests.Clinical.ClinicalAssert;

namespace Imr.Tests.Clinical;

public class PainScoreTests
{
    public static TheoryData<string, string, double, double, double?, PainCondition, Assertion> Scores => new()
    {
        { "The pain was rated 6-8 on a 10-point scale.", "6-8 on a 10-point scale", 6, 8, null, PainCondition.Unspecified, Assertion.Present },
        { "She rates her neck pain 7/10.", "7/10", 7, 7, null, PainCondition.Unspecified, Assertion.Present },
        { "Pain was rated 3 out of 10 VAS.", "3 out of 10", 3, 3, null, PainCondition.Unspecified, Assertion.Present },
        { "VAS 5 today with stiffness.", "VAS 5", 5, 5, null, PainCondition.Unspecified, Assertion.Present },
        { "A VAS score of 7/10 was recorded.", "VAS score of 7/10", 7, 7, null, PainCondition.Unspecified, Assertion.Present },
        { "Pain level decreased from 8/10 to 4/10 with treatment.", "from 8/10 to 4/10", 4, 4, 8, PainCondition.Unspecified, Assertion.Present },
        { "She reports pain score reduced from 5/10 to 0/10 after the injection.", "from 5/10 to 0/10", 0, 0, 5, PainCondition.Unspecified, Assertion.Present },
        { "Chiropractic therapy had decreased his pain from 8 out of 10 to 5 out of 10.", "from 8 out of 10 to 5 out of 10", 5, 5, 8, PainCondition.Unspecified, Assertion.Present },
        { "He has a pain level of 1 out of 10 with medications, and 6 out of 10 without medications.", "1 out of 10", 1, 1, null, PainCondition.WithMedication, Assertion.Present },
        { "He has a pain level of 1 out of 10 with medications, and 6 out of 10 without medications.", "6 out of 10", 6, 6, null, PainCondition.WithoutMedication, Assertion.Present },
        { "He rates his pain 6 out of 10 at worst and 3-4 out of 10 at best.", "6 out of 10", 6, 6, null, PainCondition.AtWorst, Assertion.Present },
        { "He rates his pain 6 out of 10 at worst and 3-4 out of 10 at best.", "3-4 out of 10", 3, 4, null, PainCondition.AtBest, Assertion.Present },
        { "She complained of right hip, low back, and head pain rated at a 7.", "rated at a 7", 7, 7, null, PainCondition.Unspecified, Assertion.Present },
        { "Neck, mid back and low back pain that was 9/10 to 10/10.", "9/10 to 10/10", 9, 10, null, PainCondition.Unspecified, Assertion.Present },
        { "The pain in the back and neck was rated as 0-3 of 10.", "0-3 of 10", 0, 3, null, PainCondition.Unspecified, Assertion.Present },
        { "Pain is 7 on a scale of 1 to 10.", "7 on a scale of 1 to 10", 7, 7, null, PainCondition.Unspecified, Assertion.Present },
        { "Low back pain increases to 10 out of 10 with activity.", "10 out of 10", 10, 10, null, PainCondition.WithActivity, Assertion.Present },
        { "No better at all, left foot pain 10 intensity out of 10.", "10 intensity out of 10", 10, 10, null, PainCondition.Unspecified, Assertion.Present },
        { "The treatment plan is to bring the pain down to 3/10.", "3/10", 3, 3, null, PainCondition.Unspecified, Assertion.Hypothetical },
        { "Previously, pain was 9/10.", "9/10", 9, 9, null, PainCondition.Unspecified, Assertion.Historical },
    };

    [Theory]
    [MemberData(nameof(Scores))]
    public void Reads_pain_scores(string input, string evidence, double low, double high, double? before, PainCondition condition, Assertion assertion)
    {
        var score = Find(ClinicalFacts.Extract(input).PainScores, input, evidence);
        Assert.Equal(new ScoreRange(low, high), score.Score);
        Assert.Equal(before, score.Before?.Low);
        if (before is not null) Assert.Equal(score.Score, score.After);
        Assert.Equal(10, score.Scale);
        Assert.Equal(condition, score.Condition);
        Assert.Equal(assertion, score.Assertion);
    }

    [Theory]
    [InlineData("Motor strength was 4/5 in the bilateral lower extremities.")]
    [InlineData("Lumbar flexion was 80/90 degrees.")]
    [InlineData("Norco 10/325 mg #90 was requested.")]
    [InlineData("She was seen on 11/5/10 and 3/10/2016.")]
    [InlineData("Bilateral patellar reflexes were rated as 2 of 4.")]
    [InlineData("The pain at 90 degrees of abduction was sharp.")]
    public void Leaves_other_fractions_alone(string input) => Assert.Empty(ClinicalFacts.Extract(input).PainScores);

    [Theory]
    [InlineData("On 11/18/2016 the patient complained of neck pain rated 6/10, low back pain rated 7/10.", "6/10", BodyRegion.Cervical)]
    [InlineData("On 11/18/2016 the patient complained of neck pain rated 6/10, low back pain rated 7/10.", "7/10", BodyRegion.Lumbar)]
    [InlineData("The pain in the right knee was 3/10.", "3/10", BodyRegion.Knee)]
    public void Takes_the_region_named_before(string input, string evidence, BodyRegion region) =>
        Assert.Equal(region, Find(ClinicalFacts.Extract(input).PainScores, input, evidence).Region);
}

public class ReliefTests
{
    public static TheoryData<string, string, double?, double?, double?, Assertion> Reliefs => new()
    {
        { "The prior epidural steroid injection provided 60% relief for 8 weeks.", "60% relief for 8 weeks", 60, 60, 56, Assertion.Historical },
        { "She reported 50% relief after the block.", "50% relief", 50, 50, null, Assertion.Present },
        { "The procedure gave 90% improvement for 2 years.", "90% improvement for 2 years", 90, 90, 730.5, Assertion.Present },
        { "A radiofrequency ablation of 7/2012 demonstrated 80% pain relief.", "80% pain relief", 80, 80, null, Assertion.Present },
        { "She reports 9-10 month's relief of neck pain from this procedure.", "9-10 month's relief", null, null, 9 * 365.25 / 12, Assertion.Present },
        { "The injured worker was feeling about 10-15% better.", "about 10-15% better", 10, 15, null, Assertion.Present },
        { "The patient reported the pain was improved 30% with ultrasound treatment.", "improved 30%", 30, 30, null, Assertion.Present },
        { "One bilateral cervical facet injection gave 100% relief of pain for 10 days.", "100% relief of pain for 10 days", 100, 100, 10, Assertion.Present },
        { "He had greater than 50% pain relief.", "greater than 50% pain relief", 50, 50, null, Assertion.Present },
        { "The axial pain has been reported at 90% resolved for a couple of years since the procedure.", "90% resolved for a couple of years", 90, 90, 730.5, Assertion.Present },
        { "There was a reduction in pain of 40% with medications.", "reduction in pain of 40%", 40, 40, null, Assertion.Present },
        { "The record did not show 50% relief from the injection.", "50% relief", 50, 50, null, Assertion.Negated },
        { "A repeat injection requires 50% relief for 6 weeks.", "50% relief for 6 weeks", 50, 50, 42, Assertion.Hypothetical },
    };

    [Theory]
    [MemberData(nameof(Reliefs))]
    public void Reads_relief(string input, string evidence, double? low, double? high, double? minDays, Assertion assertion)
    {
        var relief = Find(ClinicalFacts.Extract(input).Reliefs, input, evidence);
        Assert.Equal(low, relief.Percent?.Low);
        Assert.Equal(high, relief.Percent?.High);
        if (minDays is null) Assert.Null(relief.Duration);
        else Assert.Equal(minDays.Value, relief.Duration!.Value.MinDays, 1);
        Assert.Equal(assertion, relief.Assertion);
    }

    [Theory]
    [InlineData("Range of motion was decreased by 15% with a positive compression test.")]
    [InlineData("Oxygen saturation 98 percent, pulse 85.")]
    [InlineData("The request for lidocaine 5% patches was denied.")]
    [InlineData("The pain was moderate and frequent (50-74% of the time).")]
    public void Leaves_other_percentages_alone(string input) => Assert.Empty(ClinicalFacts.Extract(input).Reliefs);

    [Fact]
    public void Credits_relief_to_the_treatment_of_its_sentence()
    {
        const string input = "The prior epidural steroid injection provided 60% relief for 8 weeks.";
        var record = ClinicalFacts.Extract(input);
        var esi = Assert.Single(record.Treatments);
        Assert.Equal(TreatmentKind.EpiduralSteroidInjection, esi.Kind);
        Assert.Equal(TreatmentOutcome.Improved, esi.Outcome);
        Assert.Equal(60, esi.Relief!.Percent!.Value.Low);
        Assert.Equal(TreatmentKind.EpiduralSteroidInjection, Assert.Single(record.Reliefs).Treatment);
    }
}
