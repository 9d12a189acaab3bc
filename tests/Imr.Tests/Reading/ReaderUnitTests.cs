using FsCheck;
using FsCheck.Fluent;
using Imr.Letters.Model;
using Imr.Letters.Reading;

namespace Imr.Tests.Reading;

/// <summary>The reader's parts, phrase by phrase, and properties that hold for any text.</summary>
public sealed class ReaderUnitTests
{
    private const string Body = """
        HOW THE IMR FINAL DETERMINATION WAS MADE
        The Expert Reviewer has the following credentials:
        State(s) of Licensure: Texas, New York
        Certification(s)/Specialty: Physical Medicine & Rehabilitation, Pain Management

        CLINICAL CASE SUMMARY
        The expert reviewer developed the following clinical case summary based on a review of the
        case file, including all medical records:

        The injured worker has well-
        established neck pain since 10-30-
        2016.

        IMR ISSUES, DECISIONS AND RATIONALES
        The Final Determination was based on decisions for the disputed items/services set forth below:

        Voltaren gel apply to affected area 4 times a day, #60 grams with 1 refill, DOS: 11/11/2016:
        Upheld

        Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.

        MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s):
        Topical analgesics.

        Decision rationale: Not recommended.

        MRI of the neck: Overturned

        Claims Administrator guideline: The Claims Administrator did not cite any medical evidence for its decision.

        MAXIMUS guideline: Decision based on MTUS Neck and Upper Back Complaints 2004.

        Decision rationale: Indicated here.
        """;

    [Fact]
    public void Header_in_layout_shape_pairs_each_value_with_its_label()
    {
        var header = """
            Case Number:          CM16-0213037
            Date Assigned:        11/09/2016                      Date of Injury:      10/13/2016
            Decision Date:        12/09/2016                      UR Denial Date:      11/03/2016
            Priority:             Expedited                       Application          11/01/2016
                                                                  Received:

            """;
        var d = LetterReader.ReadText(header + Body).Determination;
        Assert.Equal(CaseNumber.Parse("CM16-0213037"), d.CaseNumber);
        Assert.Equal(new DateOnly(2016, 11, 9), d.DateAssigned);
        Assert.Equal(new DateOnly(2016, 10, 13), d.DateOfInjury);
        Assert.Equal(new DateOnly(2016, 12, 9), d.DecisionDate);
        Assert.Equal(new DateOnly(2016, 11, 3), d.UrDenialDate);
        Assert.Equal(new DateOnly(2016, 11, 1), d.ApplicationReceived);
        Assert.Equal(Priority.Expedited, d.Priority);
    }

    [Fact]
    public void Header_in_column_shape_gives_each_label_the_value_in_its_place()
    {
        // pdftotext without -layout prints a column of labels, then a column of values.
        var header = """
            Case Number:
            Date Assigned:
            Decision Date:
            Priority:

            CM16-0213037
            11/09/2016
            12/09/2016
            Standard

            Date of Injury:
            UR Denial Date:
            Application
            Received:

            10/13/2016
            11/03/2016
            11/01/2016

            """;
        var result = LetterReader.ReadText(header + Body);
        var d = result.Determination;
        Assert.Equal(new DateOnly(2016, 11, 9), d.DateAssigned);
        Assert.Equal(new DateOnly(2016, 12, 9), d.DecisionDate);
        Assert.Equal(new DateOnly(2016, 10, 13), d.DateOfInjury);
        Assert.Equal(new DateOnly(2016, 11, 3), d.UrDenialDate);
        Assert.Equal(new DateOnly(2016, 11, 1), d.ApplicationReceived);
        Assert.Equal(Priority.Standard, d.Priority);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Invalid_header_date_is_a_diagnostic_on_its_line()
    {
        var result = LetterReader.ReadText("Date Assigned: 13/45/2016\n\n" + Body);
        Assert.Null(result.Determination.DateAssigned);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(1, diagnostic.Line);
        Assert.Contains("13/45/2016", diagnostic.Message);
    }

    [Fact]
    public void Listed_credentials_split_on_commas()
    {
        var reviewer = LetterReader.ReadText(Body).Determination.Reviewer;
        Assert.Equal(["Texas", "New York"], reviewer.Licensure);
        Assert.Equal(["Physical Medicine & Rehabilitation", "Pain Management"], reviewer.Specialties);
        Assert.Equal(CredentialPhrasing.Listed, reviewer.Phrasing);
    }

    [Theory]
    [InlineData("is Board Certified in Neurology, has a subspecialty in Pain Medicine and is licensed to practice in Florida.", "Neurology|Pain Medicine", "Pain Medicine", "Florida")]
    [InlineData("is Board Certified in Physical Medicine and Rehabilitation and is licensed to practice in California.", "Physical Medicine and Rehabilitation", "", "California")]
    [InlineData("is Board Certified in Internal Medicine and is licensed to practice in California, Texas and Ohio.", "Internal Medicine", "", "California|Texas|Ohio")]
    public void Narrative_credentials_read_certification_subspecialty_and_states(string sentence, string specialties, string subspecialties, string states)
    {
        var text = Body.Replace(
            "The Expert Reviewer has the following credentials:\nState(s) of Licensure: Texas, New York\nCertification(s)/Specialty: Physical Medicine & Rehabilitation, Pain Management",
            "MAXIMUS Federal Services sent the complete case file to an expert reviewer. The expert\nreviewer " + sentence + " He/she has been in active clinical practice.",
            StringComparison.Ordinal);
        var reviewer = LetterReader.ReadText(text).Determination.Reviewer;
        Assert.Equal(CredentialPhrasing.Narrative, reviewer.Phrasing);
        Assert.Equal(specialties.Split('|'), reviewer.Specialties);
        Assert.Equal(subspecialties.Split('|', StringSplitOptions.RemoveEmptyEntries), reviewer.Subspecialties);
        Assert.Equal(states.Split('|'), reviewer.Licensure);
    }

    [Fact]
    public void Summary_skips_its_opening_sentence_and_joins_lines_keeping_line_end_hyphens()
    {
        var summary = LetterReader.ReadText(Body).Determination.CaseSummary;
        // Before a lower-case word the hyphen joins; before a digit the space stays.
        Assert.Equal("The injured worker has well-established neck pain since 10-30- 2016.", summary);
    }

    [Fact]
    public void Decision_that_wraps_onto_its_own_line_keeps_the_whole_treatment()
    {
        var items = LetterReader.ReadText(Body).Determination.Items;
        Assert.Equal(2, items.Count);
        Assert.Equal("Voltaren gel apply to affected area 4 times a day, #60 grams with 1 refill, DOS: 11/11/2016", items[0].Treatment);
        Assert.Equal(Decision.Upheld, items[0].Decision);
        Assert.Equal("Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Topical analgesics.", items[0].ReviewerGuideline);
        Assert.Equal("MRI of the neck", items[1].Treatment);
        Assert.Equal(Decision.Overturned, items[1].Decision);
        Assert.Equal("Indicated here.", items[1].Rationale);
    }

    [Fact]
    public void Double_spaced_extraction_reads_like_the_plain_one()
    {
        // The plain-text letters: every line followed by an empty line, paragraphs split by a line
        // holding one space.
        var doubled = string.Join("\n", Body.Split('\n').Select(l => (l.Length == 0 ? " " : l + " ") + "\n"));
        var plain = LetterReader.ReadText(Body);
        var spaced = LetterReader.ReadText(doubled);
        Assert.Equal(plain.Determination, spaced.Determination);
    }

    [Fact]
    public void Page_break_inside_a_rationale_is_joined_and_a_page_break_before_a_treatment_starts_it()
    {
        var text = Body
            .Replace("Decision rationale: Not recommended.", "Decision rationale: Not\n\frecommended.", StringComparison.Ordinal)
            .Replace("MRI of the neck: Overturned", "Request for\n\fMRI of the neck: Overturned", StringComparison.Ordinal);
        var items = LetterReader.ReadText(text).Determination.Items;
        Assert.Equal("Not recommended. Request for", items[0].Rationale);
        Assert.Equal("MRI of the neck", items[1].Treatment);
    }

    [Fact]
    public void Partial_eligibility_is_read_from_the_decision_paragraph()
    {
        var item = new DeterminationItem(
            "Acupuncture 18 sessions was the original request. Acupuncture 6 sessions was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, Acupuncture 12 sessions is",
            Decision.Upheld, "", "", "");
        Assert.Equal(new PartialEligibility("Acupuncture 18 sessions", "Acupuncture 6 sessions", "Acupuncture 12 sessions"), item.Eligibility);

        var active = new DeterminationItem(
            "Purchase of a bath chair was the original request. The Claims Administrator authorized a bath chair for 1 month, leaving the original request IMR eligible. The original request, purchase of a bath chair is",
            Decision.Upheld, "", "", "");
        Assert.Equal(new PartialEligibility("Purchase of a bath chair", "a bath chair for 1 month", "purchase of a bath chair"), active.Eligibility);

        Assert.Null(new DeterminationItem("MRI of the neck", Decision.Upheld, "", "", "").Eligibility);
    }

    [Fact]
    public void Normalising_is_idempotent_and_leaves_no_runs_of_white_space()
    {
        Prop.ForAll<string>(s =>
        {
            s ??= "";
            var once = Paragraph.Normalize(s);
            return once == Paragraph.Normalize(once) && !once.Contains("  ", StringComparison.Ordinal) && once == once.Trim();
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Any_treatment_text_survives_being_read_from_a_decision_line()
    {
        var words = Gen.Elements("MRI", "of", "the", "lumbar", "spine", "#60", "2x/week", "(12)", "L4-5", "Norco", "10/325mg", "DOS:", "11/11/2016", "re-evaluation");
        Prop.ForAll(Gen.ListOf(words).Where(w => w.Count > 0).Select(w => string.Join(' ', w)).ToArbitrary(), treatment =>
        {
            var text = Body.Replace("MRI of the neck: Overturned", treatment + ": Overturned", StringComparison.Ordinal);
            var items = LetterReader.ReadText(text).Determination.Items;
            return (items.Count == 2 && items[1].Treatment == treatment && items[1].Decision == Decision.Overturned).Label($"read {items.Count} items: {string.Join(" | ", items.Select(i => i.Treatment))}");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Stored_json_leaves_out_what_is_derived_and_reads_back_equal()
    {
        var determination = LetterReader.ReadText(Body).Determination;
        var stored = System.Text.Json.JsonSerializer.Serialize(determination, Imr.Letters.LetterJson.Stored);
        Assert.DoesNotContain("reviewerCitations", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("eligibility", stored, StringComparison.Ordinal);
        Assert.Equal(determination, Imr.Letters.LetterJson.Deserialize(stored));
    }
}
