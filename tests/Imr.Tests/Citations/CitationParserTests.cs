using FsCheck;
using FsCheck.Fluent;
using Imr.Letters.Citations;
using Imr.Letters.Model;

namespace Imr.Tests.Citations;

/// <summary>The grammar phrase by phrase: each shape a guideline paragraph takes, and what it reads to.</summary>
public class CitationParserTests
{
    private static MtusCitation Mtus(string guideline, int? year = null, int? chapter = null, string[]? sections = null, string[]? pages = null) =>
        new("", guideline, year, chapter, sections ?? [], pages ?? []);

    private static void AssertReads(string text, params Citation[] expected) =>
        Assert.Equal(expected, CorpusCitationTests.Structure(CitationParser.Parse(text)));

    [Fact]
    public void An_mtus_part_with_a_year_and_a_section()
    {
        AssertReads(
            "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment.",
            Mtus("Chronic Pain Medical Treatment", 2016, sections: ["Physical medicine treatment"]));
    }

    [Fact]
    public void An_mtus_part_with_guidelines_after_its_year_and_several_sections()
    {
        AssertReads(
            "Decision based on MTUS Low Back Complaints 2004 Guidelines, Section(s): Diagnostic Criteria, Special Studies, Summary.",
            Mtus("Low Back Complaints", 2004, sections: ["Diagnostic Criteria", "Special Studies", "Summary"]));
    }

    [Fact]
    public void An_mtus_part_alone()
    {
        AssertReads("Decision based on MTUS Knee Complaints 2004.", Mtus("Knee Complaints", 2004));
    }

    [Fact]
    public void Two_mtus_parts_in_one_sentence_are_two_citations_each_with_its_own_words()
    {
        var text = "Decision based on MTUS Low Back Complaints 2004, Section(s): Summary, and Chronic Pain Medical Treatment 2016, Section(s): Facet blocks.";
        AssertReads(text,
            Mtus("Low Back Complaints", 2004, sections: ["Summary"]),
            Mtus("Chronic Pain Medical Treatment", 2016, sections: ["Facet blocks"]));
        Assert.Equal(
            ["Decision based on MTUS Low Back Complaints 2004, Section(s): Summary,", "and Chronic Pain Medical Treatment 2016, Section(s): Facet blocks."],
            CitationParser.Parse(text).Select(c => c.Text));
    }

    [Fact]
    public void A_part_without_sections_may_precede_another()
    {
        AssertReads(
            "Decision based on MTUS Acupuncture Treatment 2007, and Chronic Pain Medical Treatment 2016, Section(s): Topical analgesics.",
            Mtus("Acupuncture Treatment", 2007),
            Mtus("Chronic Pain Medical Treatment", 2016, sections: ["Topical analgesics"]));
    }

    [Fact]
    public void Three_parts_where_a_section_of_the_middle_one_holds_commas()
    {
        AssertReads(
            "Decision based on MTUS Forearm, Wrist, and Hand Complaints 2004, Section(s): Work-Relatedness, and Postsurgical Treatment 2009, Section(s): Knee, Forearm, Wrist, & Hand, and Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment.",
            Mtus("Forearm, Wrist, and Hand Complaints", 2004, sections: ["Work-Relatedness"]),
            Mtus("Postsurgical Treatment", 2009, sections: ["Knee", "Forearm, Wrist, & Hand"]),
            Mtus("Chronic Pain Medical Treatment", 2016, sections: ["Physical medicine treatment"]));
    }

    [Theory]
    [InlineData("NSAIDs, GI symptoms & cardiovascular risk, Proton Pump Inhibitors (PPIs)", new[] { "NSAIDs, GI symptoms & cardiovascular risk", "Proton Pump Inhibitors (PPIs)" })]
    [InlineData("NSAIDs (non-steroidal anti-inflammatory drugs), NSAIDs, hypertension and renal function, NSAIDs, specific drug list & adverse effects",
        new[] { "NSAIDs (non-steroidal anti-inflammatory drugs)", "NSAIDs, hypertension and renal function", "NSAIDs, specific drug list & adverse effects" })]
    [InlineData("TENS, chronic pain (transcutaneous electrical nerve stimulation)", new[] { "TENS, chronic pain (transcutaneous electrical nerve stimulation)" })]
    [InlineData("Opioids, criteria for use, Opioids, dosing", new[] { "Opioids, criteria for use", "Opioids, dosing" })]
    // Not catalogued: commas inside brackets never split, and a piece opening in lower case continues the one before.
    [InlineData("Naproxen (Naprosyn, Anaprox, Anaprox DS [otc], Naprelan), Muscle relaxants (for pain)", new[] { "Naproxen (Naprosyn, Anaprox, Anaprox DS [otc], Naprelan)", "Muscle relaxants (for pain)" })]
    [InlineData("Sedative hypnotics, long-term use, Benzodiazepines", new[] { "Sedative hypnotics, long-term use", "Benzodiazepines" })]
    [InlineData("Cyclobenzaprine (Flexeril), Antispasmodics", new[] { "Cyclobenzaprine (Flexeril)", "Antispasmodics" })]
    public void Section_names_with_commas_are_one_section(string list, string[] sections)
    {
        AssertReads(
            $"Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): {list}.",
            Mtus("Chronic Pain Medical Treatment", 2016, sections: sections));
    }

    [Fact]
    public void Numbered_opioid_sections_run_to_the_next_number()
    {
        AssertReads(
            "Decision based on MTUS Opioid Treatment 2016, Section(s): 3.3.1.1 Opioids for Chronic Pain and Chronic Opioid Treatment: Screening for Risk of Addiction or Adverse Events, Prior to Chronic Opioid Treatment: Screening for Drug Misuse/Abuse, 2. Opioids for Subacute Pain.",
            Mtus("Opioid Treatment", 2016, sections:
            [
                "3.3.1.1 Opioids for Chronic Pain and Chronic Opioid Treatment: Screening for Risk of Addiction or Adverse Events, Prior to Chronic Opioid Treatment: Screening for Drug Misuse/Abuse",
                "2. Opioids for Subacute Pain",
            ]));
    }

    [Fact]
    public void An_acoem_chapter_with_pages()
    {
        AssertReads(
            "Decision based on MTUS ACOEM Chapter 8 Neck and Upper Back Complaints Page(s): Chapter 8, pages 174, 181-2.",
            Mtus("Neck and Upper Back Complaints", chapter: 8, pages: ["174", "181-2"]));
    }

    [Fact]
    public void An_acoem_general_approaches_chapter_names_its_part_and_its_chapter_title_is_the_section()
    {
        AssertReads(
            "Decision based on MTUS ACOEM Chapter 12 Low Back Complaints, Chapter 5 Cornerstones of Disability Prevention and Management Page(s): 298-301.",
            Mtus("Low Back Complaints", chapter: 12),
            Mtus("General Approaches", chapter: 5, sections: ["Cornerstones of Disability Prevention and Management"], pages: ["298-301"]));
    }

    [Fact]
    public void An_acoem_chapter_named_with_the_edition_and_unlabelled_pages()
    {
        AssertReads(
            "Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12, Low Back Complaints, pages 308-310.",
            Mtus("Low Back Complaints", 2004, chapter: 12, pages: ["308-310"]));
    }

    [Fact]
    public void An_older_topic_before_the_pages_reads_as_a_section()
    {
        AssertReads(
            "Decision based on MTUS Chronic Pain Medical Treatment Guidelines Opioids, criteria for use Page(s): 76-78.",
            Mtus("Chronic Pain Medical Treatment", sections: ["Opioids, criteria for use"], pages: ["76-78"]));
    }

    [Fact]
    public void The_chapter_in_the_pages_is_the_chapter_when_the_name_has_none()
    {
        AssertReads(
            "Decision based on MTUS Shoulder Complaints Page(s): Chapter 9, pp. 207-209.",
            Mtus("Shoulder Complaints", chapter: 9, pages: ["207-209"]));
    }

    [Theory]
    [InlineData("Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 63-66.", new string[0], new[] { "63-66" })]
    [InlineData("Decision based on MTUS Chronic Pain Treatment Guidelines Botox, Page(s): 25-26.", new[] { "Botox" }, new[] { "25-26" })]
    [InlineData("Decision based on MTUS Chronic Pain Treatment Guidelines Botulinum toxin.", new[] { "Botulinum toxin" }, new string[0])]
    [InlineData("Decision based on MTUS Chronic Pain Treatment Guidelines.", new string[0], new string[0])]
    public void Older_chronic_pain_citations_map_onto_the_canonical_part(string text, string[] sections, string[] pages)
    {
        AssertReads(text, Mtus("Chronic Pain Medical Treatment", sections: sections, pages: pages));
    }

    [Fact]
    public void Opioid_treatment_sections_keep_their_numbers()
    {
        AssertReads(
            "Decision based on MTUS Opioid Treatment 2016, Section(s): 4.4.3 Opioids for Chronic Pain: Tapering.",
            Mtus("Opioid Treatment", 2016, sections: ["4.4.3 Opioids for Chronic Pain: Tapering"]));
    }

    [Theory]
    [InlineData("Stress-Related Conditions 2004", "Stress Related Conditions")]
    [InlineData("Chronic Pain Medical Treatment Guidelines 2009", "Chronic Pain Medical Treatment")]
    [InlineData("Acupuncture Medical Treatment 2007", "Acupuncture Treatment")]
    [InlineData("Forearm, Wrist & Hand Complaints 2004", "Forearm, Wrist, and Hand Complaints")]
    [InlineData("Neck & Upper Back Complaints 2004", "Neck and Upper Back Complaints")]
    [InlineData("Elbow Disorders 2007", "Elbow Complaints")]
    public void Variant_part_names_read_as_the_canonical_name(string printed, string canonical)
    {
        var citation = Assert.IsType<MtusCitation>(Assert.Single(CitationParser.Parse($"Decision based on MTUS {printed}.")));
        Assert.Equal(canonical, citation.Guideline);
    }

    [Theory]
    [InlineData("Decision based on MTUS Low Back Complaint s 2004, Section(s): Special Studie s.", "Low Back Complaints", "Special Studies")]
    [InlineData("Decision based on MTUS Low Back Complaints 2004, Section(s): Diagnositc Criteria.", "Low Back Complaints", "Diagnostic Criteria")]
    [InlineData("Decision based on MTUS Chronic Pian Medical Treatment 2016, Section(s): Electro-diagnostic testing (EMG/NCS).", "Chronic Pain Medical Treatment", "Electrodiagnostic testing (EMG/NCS)")]
    [InlineData("DECISION BASED ON MTUS KNEE COMPLAINTS 2004, SECTION(S): SURGICAL CONSIDERATIONS.", "Knee Complaints", "Surgical Considerations")]
    [InlineData("Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): physical medicine treatment.", "Chronic Pain Medical Treatment", "Physical medicine treatment")]
    public void Extraction_artefacts_typos_and_odd_case_read_as_the_catalogued_names(string text, string guideline, string section)
    {
        var citation = Assert.IsType<MtusCitation>(Assert.Single(CitationParser.Parse(text)));
        Assert.Equal((guideline, section), (citation.Guideline, Assert.Single(citation.Sections)));
        Assert.Equal(text, citation.Text);
    }

    [Theory]
    [InlineData("Official Disability Guidelines (ODG) Neck and Upper Back", NonMtusSource.Odg)]
    [InlineData("ODG Chiropractic guidelines", NonMtusSource.Odg)]
    [InlineData("THE OFFICIAL DISABILITY GUIDELINES (ODG)", NonMtusSource.Odg)]
    [InlineData("Official Disability", NonMtusSource.Odg)]
    [InlineData("ACOEM Occupational Medicine Practice Guidelines, 3rd ed., Low Back Disorders, pg. 607", NonMtusSource.Acoem)]
    [InlineData("American College of Occupational and Environmental Medicine, Chronic Pain Guideline", NonMtusSource.Acoem)]
    [InlineData("American Society of Interventional Pain Physicians: Comprehensive evidence-based guidelines", NonMtusSource.Asipp)]
    [InlineData("ASIPP guidelines for responsible opioid prescribing", NonMtusSource.Asipp)]
    [InlineData("UpToDate, Treatment of chronic low back pain", NonMtusSource.UpToDate)]
    [InlineData("FDA prescribing information, Duexis (ibuprofen and famotidine)", NonMtusSource.Fda)]
    [InlineData("U.S. Food and Drug Administration, Medication Guide", NonMtusSource.Fda)]
    [InlineData("http://www.drugs.com/famotidine.html", NonMtusSource.Web)]
    [InlineData("www.mdguidelines.com", NonMtusSource.Web)]
    [InlineData("Manchikanti L, et al. An update of comprehensive evidence-based guidelines. Pain Physician. 2013;16:S49-283", NonMtusSource.Literature)]
    [InlineData("University of Michigan Health System. Gastroesophageal reflux disease (GERD). Ann Arbor (MI): University of Michigan Health System; 2007 Jan. 10", NonMtusSource.Literature)]
    [InlineData("Centers for Medicare and Medicaid services, Physician Fee Schedule Search", NonMtusSource.Other)]
    public void Non_mtus_references_keep_their_words_and_name_their_source_family(string reference, NonMtusSource source)
    {
        AssertReads($"Decision based on Non-MTUS Citation {reference}.", new NonMtusCitation("", source, reference));
    }

    [Fact]
    public void A_non_mtus_reference_runs_over_its_own_periods_to_the_next_sentence_of_the_grammar()
    {
        AssertReads(
            "Decision based on Non-MTUS Citation Benditt D, et al. Syncope in adults. Topic 969, version 21.0. UpToDate, accessed 02/18/2017. Decision based on MTUS Knee Complaints 2004.",
            new NonMtusCitation("", NonMtusSource.Literature, "Benditt D, et al. Syncope in adults. Topic 969, version 21.0. UpToDate, accessed 02/18/2017"),
            Mtus("Knee Complaints", 2004));
    }

    [Fact]
    public void Other_medical_treatment_guidelines_after_a_reference_are_a_citation_of_their_own()
    {
        var text = "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back and Other Medical Treatment Guidelines www.mdguidelines.com.";
        AssertReads(text,
            new NonMtusCitation("", NonMtusSource.Odg, "Official Disability Guidelines (ODG) Low Back"),
            new NonMtusCitation("", NonMtusSource.Web, "www.mdguidelines.com"));
        Assert.Equal("and Other Medical Treatment Guidelines www.mdguidelines.com.", CitationParser.Parse(text)[1].Text);
    }

    [Theory]
    [InlineData("Decision based on Non- MTUS Citation Official Disability Guidelines (ODG), Low Back.")]
    [InlineData("Decision based on Non-MTUS Official Disability Guidelines (ODG), Low Back.")]
    [InlineData("decision based on non-mtus citation Official Disability Guidelines (ODG), Low Back")]
    public void The_non_mtus_opening_tolerates_split_words_a_missing_citation_and_case(string text)
    {
        AssertReads(text, new NonMtusCitation("", NonMtusSource.Odg, "Official Disability Guidelines (ODG), Low Back"));
    }

    [Fact]
    public void A_non_mtus_opening_with_no_reference_is_a_citation_of_nothing_named()
    {
        AssertReads("Decision based on Non-MTUS Citation", new NonMtusCitation("", NonMtusSource.Other, ""));
    }

    [Theory]
    [InlineData("The Claims Administrator did not base their decision on the MTUS.", StatementKind.NotBasedOnMtus, "The Claims Administrator")]
    [InlineData("The Expert Reviewer did not base their decision on the MTUS.", StatementKind.NotBasedOnMtus, "The Expert Reviewer")]
    [InlineData("The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines.", StatementKind.OutsideMtus, "The Expert Reviewer")]
    [InlineData("The Claims Administrator based its decision on recommendations outside the MTUS.", StatementKind.OutsideMtus, "The Claims Administrator")]
    [InlineData("The Claims Administrator did not cite any medical evidence for its decision.", StatementKind.NoMedicalEvidence, "The Claims Administrator")]
    [InlineData("The IMR reviewer did not cite any medical evidence for their decision.", StatementKind.NoMedicalEvidence, "The IMR reviewer")]
    [InlineData("The Physician Reviewer did not base his/her decision on the MTUS.", StatementKind.NotBasedOnMtus, "The Physician Reviewer")]
    public void Statements_name_their_kind_and_party_as_printed(string text, StatementKind kind, string party)
    {
        AssertReads(text, new GuidelineStatement("", kind, party));
    }

    [Fact]
    public void A_statement_then_citations()
    {
        AssertReads(
            "The Claims Administrator did not base their decision on the MTUS. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) neck, facet joint radiofrequenc y neurotomy.",
            new GuidelineStatement("", StatementKind.NotBasedOnMtus, "The Claims Administrator"),
            new NonMtusCitation("", NonMtusSource.Odg, "Official Disability Guidelines (ODG) neck, facet joint radiofrequenc y neurotomy"));
    }

    [Fact]
    public void Words_outside_the_grammar_are_kept_as_unrecognised()
    {
        AssertReads(
            "See the records. Decision based on MTUS Elbow Complaints 2007. Decision based on MTUS Hearing Loss 2004.",
            new UnrecognizedCitation("See the records."),
            Mtus("Elbow Complaints", 2007),
            new UnrecognizedCitation("Decision based on MTUS Hearing Loss 2004."));
    }

    [Fact]
    public void Words_after_a_complete_part_are_kept_as_unrecognised()
    {
        AssertReads(
            "Decision based on MTUS Knee Complaints 2004. Page 3 of the records.",
            Mtus("Knee Complaints", 2004),
            new UnrecognizedCitation("Page 3 of the records."));
    }

    private static readonly string[] Fragments =
    [
        "Decision based on", "MTUS", "Non-MTUS Citation", "Non- MTUS", "ACOEM", "Chapter 8", "Section(s):", "Page(s):",
        "pages", ",", ".", ";", ":", "and", "2004", "2016", "181-2", "63-66", "(", ")", "[otc]", "&", "3.3.1", "2.",
        "Chronic Pain Medical Treatment", "Low Back Complaint s", "Forearm, Wrist, & Hand", "Cornerstones of Disability",
        "NSAIDs, GI symptoms", "Official Disability Guidelines (ODG)", "and Other Medical Treatment Guidelines",
        "http://www.example.org/a.html", "et al.", "The Claims Administrator", "did not base their decision on the MTUS",
        "based their decision on recommendation(s) outside of the MTUS Guidelines", "did not cite any medical evidence",
        "radiofrequenc y", "Diagnositc", "the", "x", "É",
    ];

    // Whatever words come, the parser returns citations whose texts give the paragraph back.
    [Fact]
    public void Any_text_made_of_grammar_fragments_is_partitioned_without_throwing()
    {
        var texts = Gen.ListOf(Gen.Elements(Fragments)).Select(words => string.Join(" ", words).Trim());
        Prop.ForAll(texts.ToArbitrary(), text =>
        {
            var citations = CitationParser.Parse(text);
            return (string.Join(" ", citations.Select(c => c.Text)) == text).Label(string.Join(" | ", citations));
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_paragraph_has_no_citations(string text)
    {
        Assert.Equal(ValueList<Citation>.Empty, CitationParser.Parse(text));
    }
}
