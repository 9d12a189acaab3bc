using System.Text.RegularExpressions;
using Imr.Letters;
using Imr.Letters.Model;
using Imr.Letters.Writing;

namespace Imr.Tests.Writing;

public sealed partial class LetterTextWriterTests
{
    public static TheoryData<string> Letters() => ExpectedDeterminations.All();

    [Theory]
    [MemberData(nameof(Letters))]
    public void Every_field_of_the_determination_appears_in_the_text(string name)
    {
        var determination = ExpectedDeterminations.Load(name);
        var text = ReaderText.Normalize(LetterTextWriter.Write(determination));

        foreach (var field in ExpectedDeterminations.FieldTexts(determination))
            Assert.Contains(ReaderText.Normalize(field), text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Letters))]
    public void Each_item_paragraph_reads_back_exactly_as_one_paragraph(string name)
    {
        var determination = ExpectedDeterminations.Load(name);
        var paragraphs = ReaderText.Paragraphs(LetterTextWriter.Write(determination)).ToHashSet(StringComparer.Ordinal);

        foreach (var item in determination.Items)
        {
            Assert.Contains(ReaderText.Normalize($"{item.Treatment}: {item.Decision}"), paragraphs);
            Assert.Contains(ReaderText.Normalize("Claims Administrator guideline: " + item.ClaimsAdministratorGuideline), paragraphs);
            Assert.Contains(ReaderText.Normalize("MAXIMUS guideline: " + item.ReviewerGuideline), paragraphs);
            Assert.Contains(ReaderText.Normalize("Decision rationale: " + item.Rationale), paragraphs);
        }
        if (determination.CaseSummary.Length > 0)
            Assert.Contains(ReaderText.Normalize(determination.CaseSummary), paragraphs);
    }

    [Theory]
    [MemberData(nameof(Letters))]
    public void Each_decision_line_ends_with_the_decision_on_its_last_line(string name)
    {
        var determination = ExpectedDeterminations.Load(name);
        var lines = LetterTextWriter.Write(determination).Split('\n');

        var decisionLineEnds = lines.Where(l => DecisionLineEnd().IsMatch(l)).Select(l => DecisionLineEnd().Match(l).Groups[1].Value);
        Assert.Equal(determination.Items.Select(i => i.Decision.ToString()), decisionLineEnds);
    }

    [Theory]
    [MemberData(nameof(Letters))]
    public void No_line_is_wider_than_the_width_unless_it_is_one_unbreakable_word(string name)
    {
        var text = LetterTextWriter.Write(ExpectedDeterminations.Load(name));

        foreach (var line in text.Split('\n').Where(l => l.Length > LetterTextWriter.Width))
            Assert.DoesNotContain(' ', line.Trim());
    }

    [Fact]
    public void The_header_has_the_published_line_shapes()
    {
        var lines = LetterTextWriter.Write(Sample.Determination()).Split('\n');

        Assert.Equal("Case Number:          CM16-0213037", lines[0]);
        Assert.Equal("Date Assigned:        11/09/2016                      Date of Injury:      10/13/2016", lines[1]);
        Assert.Equal("Decision Date:        12/09/2016                      UR Denial Date:      11/03/2016", lines[2]);
        Assert.Equal("Priority:             Standard                        Application          11/03/2016", lines[3]);
        Assert.Equal("                                                      Received:", lines[4]);
        Assert.Equal("", lines[5]);
        Assert.Equal("HOW THE IMR FINAL DETERMINATION WAS MADE", lines[6].Trim());
    }

    [Fact]
    public void A_determination_without_header_fields_has_no_header()
    {
        var text = LetterTextWriter.Write(Sample.Determination() with
        {
            CaseNumber = null,
            DateAssigned = null,
            DateOfInjury = null,
            DecisionDate = null,
            UrDenialDate = null,
            ApplicationReceived = null,
            Priority = null,
        });

        Assert.StartsWith(new string(' ', 10), text, StringComparison.Ordinal);
        Assert.Equal("HOW THE IMR FINAL DETERMINATION WAS MADE", text.Split('\n')[0].Trim());
        Assert.DoesNotContain("Case Number", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_stand_on_their_own_lines_followed_directly_by_their_first_paragraph()
    {
        var lines = LetterTextWriter.Write(Sample.Determination()).Split('\n');

        foreach (var heading in new[] { "HOW THE IMR FINAL DETERMINATION WAS MADE", "CLINICAL CASE SUMMARY", "IMR ISSUES, DECISIONS AND RATIONALES" })
        {
            var at = Array.FindIndex(lines, l => l.Trim() == heading);
            Assert.True(at > 0, $"no line holding just '{heading}'");
            Assert.Equal("", lines[at - 1]);
            Assert.NotEqual("", lines[at + 1]);
        }
    }

    [Fact]
    public void Listed_credentials_are_printed_on_lines_of_their_own()
    {
        var text = LetterTextWriter.Write(Sample.Determination());

        Assert.Contains(
            "\n\nThe Expert Reviewer has the following credentials:\nState(s) of Licensure: California,North Carolina\n"
            + "Certification(s)/Specialty: Family Practice, Sports Medicine\n\n",
            text,
            StringComparison.Ordinal);
        Assert.Contains("disputed items/Service. He/she", ReaderText.Normalize(text), StringComparison.Ordinal);
    }

    [Fact]
    public void Narrative_credentials_are_a_sentence_of_the_independence_paragraph()
    {
        var determination = Sample.Determination() with
        {
            Reviewer = new Reviewer(["Florida"], ["Neurology", "Pain Medicine"])
            {
                Subspecialties = ["Pain Medicine"],
                Phrasing = CredentialPhrasing.Narrative,
            },
        };

        var text = ReaderText.Normalize(LetterTextWriter.Write(determination));

        Assert.Contains(
            "providers or the claims administrator. The expert reviewer is Board Certified in Neurology, has a subspecialty in "
            + "Pain Medicine and is licensed to practice in Florida. He/she has been in active clinical practice",
            text,
            StringComparison.Ordinal);
        Assert.DoesNotContain("following credentials", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Narrative_credentials_leave_out_what_the_reviewer_lacks()
    {
        var reviewer = new Reviewer(["California", "Texas"], ["Pain Management and Rehabilitation"]) { Phrasing = CredentialPhrasing.Narrative };

        var text = ReaderText.Normalize(LetterTextWriter.Write(Sample.Determination() with { Reviewer = reviewer }));

        Assert.Contains(
            "The expert reviewer is Board Certified in Pain Management and Rehabilitation and is licensed to practice in California, Texas.",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_wording_matches_a_seed_letter_word_for_word()
    {
        // Seed 000 states its credentials in the narrative phrasing, which its reference JSON leaves out.
        var seed = Directory.EnumerateFiles(TestPaths.Seeds, "000_*.txt").Single();
        var determination = ExpectedDeterminations.Load(Path.GetFileNameWithoutExtension(seed));
        determination = determination with
        {
            Reviewer = determination.Reviewer with { Subspecialties = ["Pain Medicine"], Phrasing = CredentialPhrasing.Narrative },
        };

        Assert.Equal(ReaderText.Normalize(File.ReadAllText(seed)), ReaderText.Normalize(LetterTextWriter.Write(determination)));
    }

    [Fact]
    public async Task The_wording_matches_a_published_letter_word_for_word()
    {
        var name = "CM16-0213037";
        var published = await Pdftotext.LayoutAsync(await File.ReadAllBytesAsync(Path.Combine(TestPaths.CorpusLetters, name + ".pdf")));

        var written = LetterTextWriter.Write(ExpectedDeterminations.Load(name));

        Assert.Equal(ReaderText.Normalize(published), ReaderText.Normalize(written));
    }

    [Fact]
    public void A_long_treatment_wraps_with_the_decision_kept_on_its_last_line()
    {
        var treatment = string.Join(' ', Enumerable.Repeat("Chiropractic physiotherapy", 9)) + " twelve sessions for the lumbar";
        var determination = Sample.Determination() with
        {
            Items = [Sample.Item() with { Treatment = treatment, Decision = Decision.Overturned }],
        };

        var lines = LetterTextWriter.Write(determination).Split('\n');

        var last = Array.FindIndex(lines, l => l.EndsWith(": Overturned", StringComparison.Ordinal));
        Assert.Equal("lumbar: Overturned", lines[last].Split(' ')[^2] + " " + lines[last].Split(' ')[^1]);
        Assert.Contains(ReaderText.Normalize(treatment + ": Overturned"), ReaderText.Paragraphs(string.Join('\n', lines)));
    }

    [Fact]
    public void Empty_fields_still_give_every_label_and_heading()
    {
        var determination = new Determination { Items = [new DeterminationItem("", Decision.Upheld, "", "", "")] };

        var text = LetterTextWriter.Write(determination);

        foreach (var label in new[] { ": Upheld", "Claims Administrator guideline:", "MAXIMUS guideline:", "Decision rationale:", "CLINICAL CASE SUMMARY" })
            Assert.Contains(label, text, StringComparison.Ordinal);
        Assert.DoesNotContain("following credentials", text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@":\s(Upheld|Overturned)$")]
    private static partial Regex DecisionLineEnd();
}
