using FsCheck;
using FsCheck.Fluent;
using Imr.Letters.Citations;

namespace Imr.Tests.Citations;

/// <summary>The writer renders structure as canonical letter text, which the parser reads back to the same structure.</summary>
public class CitationWriterTests
{
    [Fact]
    public void Mtus_parts_share_one_sentence_and_other_citations_have_their_own()
    {
        Citation[] citations =
        [
            new GuidelineStatement("", StatementKind.OutsideMtus, "The Expert Reviewer"),
            new MtusCitation("", "Low Back Complaints", 2004, null, ["Summary"], []),
            new MtusCitation("", "Chronic Pain Medical Treatment", 2016, null, ["NSAIDs, GI symptoms & cardiovascular risk", "Facet blocks"], []),
            new MtusCitation("", "Neck and Upper Back Complaints", null, 8, [], ["174", "181-2"]),
            new NonMtusCitation("", NonMtusSource.Odg, "Official Disability Guidelines (ODG) Low Back"),
        ];
        Assert.Equal(
            "The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines. "
            + "Decision based on MTUS Low Back Complaints 2004, Section(s): Summary, and Chronic Pain Medical Treatment 2016, "
            + "Section(s): NSAIDs, GI symptoms & cardiovascular risk, Facet blocks, and ACOEM Chapter 8 Neck and Upper Back Complaints Page(s): 174, 181-2. "
            + "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back.",
            CitationWriter.Write(citations));
    }

    [Theory]
    [InlineData("Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment.")]
    [InlineData("The Claims Administrator did not cite any medical evidence for its decision.")]
    [InlineData("Decision based on Non-MTUS Citation http://www.drugs.com/famotidine.html.")]
    public void Canonical_text_is_written_back_word_for_word(string text)
    {
        Assert.Equal(text, CitationWriter.Write(CitationParser.Parse(text)));
    }

    [Theory]
    [InlineData("Decision based on MTUS ACOEM Chapter 12 Low Back Complaints, Chapter 5 Cornerstones of Disability Prevention and Management Page(s): 298-301.")]
    [InlineData("Decision based on MTUS Chronic Pain Treatment Guidelines Botox, Page(s): 95-96.")]
    [InlineData("Decision based on MTUS Opioid Treatment 2016, Section(s): 3.3.7.2 Opioids for Chronic Pain: Monitoring, Clinically Meaningful Improvement, 4.1 Tapering Opioids: Indications.")]
    [InlineData("Decision based on MTUS Postsurgical Treatment 2009, Section(s): Knee, Forearm, Wrist, & Hand.")]
    [InlineData("The Expert Reviewer did not base their decision on the MTUS. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back/Intra-operative monitoring and Other Medical Treatment Guidelines http://www.aetna.com/cpb/medical/data/100_199/0181.html.")]
    [InlineData("Decision based on Non-MTUS Citation University of Michigan Health System. Gastroesophageal reflux disease (GERD). Ann Arbor (MI): University of Michigan Health System; 2007 Jan. 10.")]
    [InlineData("Decision based on Non-MTUS Citation")]
    public void Written_citations_read_back_to_the_same_structure(string text)
    {
        var citations = CitationParser.Parse(text);
        Assert.Equal(CorpusCitationTests.Structure(citations), CorpusCitationTests.Structure(CitationParser.Parse(CitationWriter.Write(citations))));
    }

    // Any citation built from the catalogue's parts and sections, pages, statements and references
    // written and read again is the citation built.
    [Fact]
    public void Any_structure_built_from_the_catalogue_reads_back_from_its_text()
    {
        Prop.ForAll(Citations.ToArbitrary(), citations =>
        {
            var written = CitationWriter.Write(citations);
            var read = CorpusCitationTests.Structure(CitationParser.Parse(written)).ToList();
            return read.SequenceEqual(citations)
                .Label($"written: {written}\nread: {string.Join(" | ", read)}");
        }).QuickCheckThrowOnFailure();
    }

    private static readonly Gen<string> Page =
        from first in Gen.Choose(1, 600)
        from span in Gen.Choose(0, 3)
        select span == 0 ? $"{first}" : $"{first}-{first + span}";

    private static readonly Gen<string> NumberedSection =
        from major in Gen.Choose(1, 5)
        from minor in Gen.Choose(1, 9)
        from title in Gen.Elements("Opioids for Chronic Pain: Tapering", "Tapering Opioids: Indications, Methods", "Opioids for Acute Pain")
        select $"{major}.{minor} {title}";

    // Catalogued sections, or numbered headings for a part read without a list (Opioid Treatment).
    private static Gen<string[]> Sections(MtusPart part) =>
        part.Sections.Count > 0
            ? Gen.SubListOf(part.Sections.ToArray()).Select(s => s.Take(4).ToArray())
            : Gen.Choose(0, 2).SelectMany(n => Gen.ListOf(NumberedSection, n)).Select(s => s.ToArray());

    private static readonly Gen<Citation> Mtus =
        from part in Gen.Elements(MtusGuidelines.Parts.ToArray())
        from year in Gen.Elements<int?>(null, 2004, 2007, 2009, 2016)
        from chapter in Gen.Elements<int?>(null, part.AcoemChapter)
        from sections in Sections(part)
        from pages in Gen.Choose(0, 2).SelectMany(n => Gen.ListOf(Page, n)).Select(p => p.ToArray())
        select (Citation)new MtusCitation("", part.Name, year, chapter, sections, pages);

    private static readonly Gen<Citation> NonMtus =
        from reference in Gen.Elements(
            "Official Disability Guidelines (ODG) Neck and Upper Back, Facet joint radiofrequency neurotomy",
            "ACOEM Occupational Medicine Practice Guidelines, 3rd ed., Shoulder Disorders, pg. 64",
            "Manchikanti L, et al. Pain Physician. 2013;16:S49-283",
            "https://www.cms.gov/Regulations-and-Guidance/Guidance/Transmittals/downloads/R148CIM.pdf",
            "UpToDate, Syncope in adults",
            "Centers for Medicare and Medicaid services, Physician Fee Schedule Search")
        select (Citation)new NonMtusCitation("", CitationParser.ClassifySource(reference), reference);

    private static readonly Gen<Citation> Statement =
        from kind in Gen.Elements(Enum.GetValues<StatementKind>())
        from party in Gen.Elements("The Claims Administrator", "The Expert Reviewer")
        select (Citation)new GuidelineStatement("", kind, party);

    private static readonly Gen<Citation[]> Citations =
        Gen.NonEmptyListOf(Gen.Frequency((3, Mtus), (2, NonMtus), (1, Statement))).Select(c => c.Take(5).ToArray());
}
