using Imr.DecisionSupport;
using Imr.Letters.Citations;
using Imr.Letters.Model;
using static Imr.Tests.DecisionSupport.Drafts;

namespace Imr.Tests.DecisionSupport;

/// <summary>
/// Partial hospitalization (CPMTG stepped care; ODG Mental Illness &amp; Stress) and the numbered subsections of the
/// Opioids Treatment Guidelines, with small invented case summaries.
/// </summary>
public sealed class ProgramAndOpioidSectionTests
{
    [Fact]
    public void Partial_hospitalization_for_depression_with_thoughts_of_self_harm_that_outpatient_care_does_not_meet_is_overturned()
    {
        var item = Draft("The patient has major depression and anxiety since the injury, with passive suicidal thoughts. She can contract for safety. " +
            "The psychologist states she needs a higher level of care than weekly outpatient psychotherapy.", "Partial hospitalization program, 10 days");

        Assert.Equal("partial-hospitalization", item.Policy);
        Assert.Equal(Decision.Overturned, item.Decision);
        Assert.Equal("Chronic Pain Medical Treatment", Assert.IsType<MtusCitation>(item.Citations[0]).Guideline);
    }

    [Fact]
    public void Partial_hospitalization_for_mild_symptoms_without_a_need_beyond_outpatient_care_is_upheld()
    {
        var item = Draft("The patient reports feeling stressed and mildly depressed about the injury. She denies suicidal ideation. " +
            "She has not started psychotherapy.", "Psychiatric day treatment program");

        Assert.Equal("partial-hospitalization", item.Policy);
        Assert.Equal(CriterionStatus.Met, Status(item, "partial-hospitalization.condition"));
        Assert.NotEqual(CriterionStatus.Met, Status(item, "partial-hospitalization.intensity"));
        Assert.Equal(Decision.Upheld, item.Decision);
    }

    [Fact]
    public void A_functional_restoration_program_keeps_its_own_policy() =>
        Assert.Equal("functional-restoration", Draft("The patient has chronic low back pain.", "Functional restoration program, 10 days").Policy);

    private static string OpioidSection(DraftItem item) =>
        Assert.Single(item.Citations.OfType<MtusCitation>().First(c => c.Guideline == "Opioid Treatment").Sections);

    [Fact]
    public void Opioids_cite_the_subsection_of_the_phase_and_situation()
    {
        var review = new DateOnly(2016, 12, 1);
        Assert.Equal("3.3.9 Opioids for Chronic Pain and Chronic Opioid Treatment: Maintenance of Chronic Opioid Treatment",
            OpioidSection(Draft("He has taken Norco 10/325 mg daily for a year for back pain.", "Norco 10/325mg #90", new DateOnly(2015, 1, 1), review)));
        Assert.Equal("3.3 Opioids for Chronic Pain and Chronic Opioid Treatment: Initiating and Monitoring Chronic Opioid Treatment",
            OpioidSection(Draft("She has chronic back pain; a trial of tramadol was prescribed.", "Tramadol 50mg #60", new DateOnly(2015, 1, 1), review)));
        Assert.Equal("2. Opioids for Subacute Pain",
            OpioidSection(Draft("She has back pain; a trial of tramadol was prescribed.", "Tramadol 50mg #60", new DateOnly(2016, 10, 1), review)));
        Assert.Equal("1. Opioids for Acute Pain",
            OpioidSection(Draft("She strained her back last week.", "Tramadol 50mg #20", new DateOnly(2016, 11, 25), review)));
    }

    [Fact]
    public void A_numbered_opioid_subsection_reads_back_as_one_section()
    {
        var item = Draft("He has taken Norco 10/325 mg daily for a year for back pain.", "Norco 10/325mg #90", new DateOnly(2015, 1, 1), new DateOnly(2016, 12, 1));
        var cited = item.Citations.OfType<MtusCitation>().First(c => c.Guideline == "Opioid Treatment");
        var read = Assert.IsType<MtusCitation>(CitationParser.Parse(cited.Text).First());

        Assert.Equal(cited.Sections, read.Sections);
    }
}
