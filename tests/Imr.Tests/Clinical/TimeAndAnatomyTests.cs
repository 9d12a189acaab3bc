using Imr.Clinical;
using static Imr.Tests.Clinical.ClinicalAssert;

namespace Imr.Tests.Clinical;

public class DurationTests
{
    public static TheoryData<string, string, double, double, TimeUnit, DurationRelation, double> Durations => new()
    {
        { "Symptoms have been present for 6 weeks.", "for 6 weeks", 6, 6, TimeUnit.Week, DurationRelation.For, 42 },
        { "She has had neck pain for 3 months.", "for 3 months", 3, 3, TimeUnit.Month, DurationRelation.For, 91.3125 },
        { "She first noticed pain in the left elbow about 3 years ago.", "3 years ago", 3, 3, TimeUnit.Year, DurationRelation.Ago, 1095.75 },
        { "Symptoms worsened over the past week.", "over the past week", 1, 1, TimeUnit.Week, DurationRelation.Past, 7 },
        { "Duration of symptoms is one month.", "one month", 1, 1, TimeUnit.Month, DurationRelation.Plain, 30.4375 },
        { "Physical therapy x 6 weeks was completed.", "x 6 weeks", 6, 6, TimeUnit.Week, DurationRelation.For, 42 },
        { "The previous ablation was 1-1/2 years ago in 2012.", "1-1/2 years ago", 1.5, 1.5, TimeUnit.Year, DurationRelation.Ago, 547.875 },
        { "Follow-up within 2 weeks.", "within 2 weeks", 2, 2, TimeUnit.Week, DurationRelation.Within, 14 },
        { "It was 90% resolved for a couple of years.", "for a couple of years", 2, 2, TimeUnit.Year, DurationRelation.For, 730.5 },
        { "She reports 9-10 months of relief.", "9-10 months", 9, 10, TimeUnit.Month, DurationRelation.Plain, 273.9375 },
        { "Symptoms had been present for 17 days.", "for 17 days", 17, 17, TimeUnit.Day, DurationRelation.For, 17 },
        { "Percocet helped but only 4-6 hours.", "4-6 hours", 4, 6, TimeUnit.Hour, DurationRelation.Plain, 4.0 / 24 },
        { "He has been home for several months.", "for several months", 3, 3, TimeUnit.Month, DurationRelation.For, 91.3125 },
    };

    [Theory]
    [MemberData(nameof(Durations))]
    public void Reads_durations(string input, string evidence, double low, double high, TimeUnit unit, DurationRelation relation, double minDays)
    {
        var d = Find(ClinicalFacts.Extract(input).Durations, input, evidence);
        Assert.Equal(new TimeAmount(low, high, unit), d.Amount);
        Assert.Equal(relation, d.Relation);
        Assert.Equal(minDays, d.Amount.MinDays, 3);
    }

    [Theory]
    [InlineData("The injured worker is a 68 year old male.")]
    [InlineData("This case involves a now 40-year-old female.")]
    [InlineData("Naproxen 550 mg twice a day and Flexeril once a week.")]
    [InlineData("OxyContin 20mg one tablet every 12 hours.")]
    [InlineData("Oxycodone HCL ER 20mg #60 day supply: 30.")]
    public void Leaves_ages_and_frequencies_alone(string input) => Assert.Empty(ClinicalFacts.Extract(input).Durations);
}

public class DateTests
{
    public static TheoryData<string, string, int, int?, int?, DateRelation, DateRole> Dates => new()
    {
        { "The injured worker sustained an industrial injury on 10-13-16.", "10-13-16", 2016, 10, 13, DateRelation.On, DateRole.Injury },
        { "A progress note dated 11/03/2016 was reviewed.", "11/03/2016", 2016, 11, 3, DateRelation.On, DateRole.Unspecified },
        { "He was seen on October 10, 2016 for follow up.", "October 10, 2016", 2016, 10, 10, DateRelation.On, DateRole.Unspecified },
        { "A prior radiofrequency ablation of 7/2012 gave relief.", "7/2012", 2012, 7, null, DateRelation.Plain, DateRole.Unspecified },
        { "She has had low back pain since 2014.", "since 2014", 2014, null, null, DateRelation.Since, DateRole.Unspecified },
        { "The report of November 05, 2016 noted spasm.", "November 05, 2016", 2016, 11, 5, DateRelation.Plain, DateRole.Unspecified },
        { "According to the hospitalist note dated 10-30- 2016, pain was controlled.", "10-30- 2016", 2016, 10, 30, DateRelation.On, DateRole.Unspecified },
        { "He sustained a cumulative industrial injury on 12/03/1996.", "12/03/1996", 1996, 12, 3, DateRelation.On, DateRole.Injury },
        { "On 11-3-16, utilization review determined the MRI was not medically necessary.", "11-3-16", 2016, 11, 3, DateRelation.On, DateRole.UtilizationReview },
        { "This is a male patient with the date of injury of February 5, 2010.", "February 5, 2010", 2010, 2, 5, DateRelation.Plain, DateRole.Injury },
        { "She was instructed to remain off work until 11-24-2016.", "11-24-2016", 2016, 11, 24, DateRelation.Until, DateRole.Unspecified },
        { "The Utilization Review dated 1-3-17, non-certified the request.", "1-3-17", 2017, 1, 3, DateRelation.On, DateRole.UtilizationReview },
        { "The ablation was done on 2 March 2015.", "2 March 2015", 2015, 3, 2, DateRelation.On, DateRole.Unspecified },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void Reads_dates(string input, string evidence, int year, int? month, int? day, DateRelation relation, DateRole role)
    {
        var d = Find(ClinicalFacts.Extract(input).Dates, input, evidence);
        Assert.Equal(year, d.Year);
        Assert.Equal(month, d.Month);
        Assert.Equal(day, d.Day);
        Assert.Equal(month is not null && day is not null ? new DateOnly(year, month.Value, day.Value) : null, d.Date);
        Assert.Equal(relation, d.Relation);
        Assert.Equal(role, d.Role);
    }

    [Theory]
    [InlineData("Cervical pain is notated on 2-7/10.")]
    [InlineData("Facet injection bilaterally at C2-3, 3-4 and 4-5.")]
    [InlineData("Lumbar flexion of 40/90 degrees and extension of 10/30 degrees.")]
    [InlineData("The date 13/45/2016 is not a date.")]
    public void Leaves_other_numbers_alone(string input) => Assert.Empty(ClinicalFacts.Extract(input).Dates);
}

public class AnatomyTests
{
    public static TheoryData<string, string, string, string?, SpineRegion> Levels => new()
    {
        { "Medial branch blocks at C5-6 were requested.", "C5-6", "C5", "C6", SpineRegion.Cervical },
        { "Disc protrusion at L4-L5.", "L4-L5", "L4", "L5", SpineRegion.Lumbar },
        { "Decreased sensation at L5-S1 dermatomes.", "L5-S1", "L5", "S1", SpineRegion.Lumbar },
        { "Radiofrequency ablation at T3-T4.", "T3-T4", "T3", "T4", SpineRegion.Thoracic },
        { "Pain over the C2 to C6 facet areas.", "C2 to C6", "C2", "C6", SpineRegion.Cervical },
        { "Trigger points below the T10 level.", "T10", "T10", null, SpineRegion.Thoracic },
        { "Tenderness at L1-5 paraspinals.", "L1-5", "L1", "L5", SpineRegion.Lumbar },
        { "Status post rib fracture T9-10.", "T9-10", "T9", "T10", SpineRegion.Thoracic },
        { "Facet injection at C2-3, 3-4 and 4-5.", "3-4", "C3", "C4", SpineRegion.Cervical },
        { "Facet injection at C2-3, 3-4 and 4-5.", "4-5", "C4", "C5", SpineRegion.Cervical },
        { "Hypersensitivity at the L1-L3 level.", "L1-L3", "L1", "L3", SpineRegion.Lumbar },
        { "Palpation at C4-T5 revealed hypertonicity.", "C4-T5", "C4", "T5", SpineRegion.Cervical },
    };

    [Theory]
    [MemberData(nameof(Levels))]
    public void Reads_spinal_levels(string input, string evidence, string from, string? to, SpineRegion region)
    {
        var level = Find(ClinicalFacts.Extract(input).SpinalLevels, input, evidence);
        Assert.Equal(from, level.From);
        Assert.Equal(to, level.To);
        Assert.Equal(region, level.Region);
        Assert.Equal(to is null ? from : $"{from}-{to}", level.Name);
    }

    [Fact]
    public void Gives_a_level_the_side_named_before_it()
    {
        const string input = "Radiofrequency neurotomy on the left C2 to C6 on 11/30/09.";
        Assert.Equal(Side.Left, Find(ClinicalFacts.Extract(input).SpinalLevels, input, "C2 to C6").Side);
    }

    [Theory]
    [InlineData("Case CM16-0213037 was assigned.")]
    [InlineData("The PR2 report was reviewed.")]
    [InlineData("S-shaped curvature of the spine.")]
    [InlineData("Sagittal T1-weighted images were obtained.")]
    public void Leaves_other_letter_numbers_alone(string input) => Assert.Empty(ClinicalFacts.Extract(input).SpinalLevels);

    public static TheoryData<string, string, BodyRegion, Side?> Sites => new()
    {
        { "Tenderness over the right shoulder.", "right shoulder", BodyRegion.Shoulder, Side.Right },
        { "Weakness of the bilateral lower extremities.", "bilateral lower extremities", BodyRegion.LowerExtremity, Side.Bilateral },
        { "Pain in the left upper extremity.", "left upper extremity", BodyRegion.UpperExtremity, Side.Left },
        { "Chronic low back pain.", "low back", BodyRegion.Lumbar, null },
        { "Complaints of neck pain.", "neck", BodyRegion.Cervical, null },
        { "Right knee MRI was ordered.", "Right knee", BodyRegion.Knee, Side.Right },
        { "Sprain of the left wrist.", "left wrist", BodyRegion.WristHand, Side.Left },
        { "She uses the RUE for her job.", "RUE", BodyRegion.UpperExtremity, Side.Right },
        { "Numbness in the hands bilaterally.", "hands bilaterally", BodyRegion.WristHand, Side.Bilateral },
        { "Right and left shoulder joint sprain.", "Right and left shoulder", BodyRegion.Shoulder, Side.Bilateral },
        { "MRI of the thoracic spine.", "thoracic spine", BodyRegion.Thoracic, null },
        { "Fracture of the fifth metatarsal of the left foot.", "left foot", BodyRegion.AnkleFoot, Side.Left },
        { "He reports back pain at night.", "back", BodyRegion.Lumbar, null },
        { "Nondisplaced fracture of the left radius head.", "left radius head", BodyRegion.Elbow, Side.Left },
        { "Pain in the right-sided hip.", "right-sided hip", BodyRegion.Hip, Side.Right },
    };

    [Theory]
    [MemberData(nameof(Sites))]
    public void Reads_body_sites(string input, string evidence, BodyRegion region, Side? side)
    {
        var site = Find(ClinicalFacts.Extract(input).BodySites, input, evidence);
        Assert.Equal(region, site.Region);
        Assert.Equal(side, site.Side);
        Assert.Equal(Assertion.Present, site.Assertion);
    }

    [Theory]
    [InlineData("Left greater than right.", "Left", Side.Left)]
    [InlineData("Left greater than right.", "right", Side.Right)]
    [InlineData("Spasms bilaterally.", "bilaterally", Side.Bilateral)]
    [InlineData("A bilateral facet injection.", "bilateral", Side.Bilateral)]
    public void Reads_side_words(string input, string evidence, Side side) =>
        Assert.Equal(side, Find(ClinicalFacts.Extract(input).Lateralities, input, evidence).Side);
}
