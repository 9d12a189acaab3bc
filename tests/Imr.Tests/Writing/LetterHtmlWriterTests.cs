using System.Xml;
using System.Xml.Linq;
using Imr.Letters.Model;
using Imr.Letters.Writing;

namespace Imr.Tests.Writing;

public sealed class LetterHtmlWriterTests
{
    public static TheoryData<string> Letters() => ExpectedDeterminations.All();

    [Theory]
    [MemberData(nameof(Letters))]
    public void The_document_is_well_formed_and_holds_every_field(string name)
    {
        var determination = ExpectedDeterminations.Load(name);

        var document = Parse(LetterHtmlWriter.Write(determination));

        var text = ReaderText.Normalize(PrintedText(document.Descendants("article").Single()));
        foreach (var field in ExpectedDeterminations.FieldTexts(determination))
            Assert.Contains(ReaderText.Normalize(field), text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Letters))]
    public void Each_item_is_headed_by_its_decision_line_with_the_decision_marked(string name)
    {
        var determination = ExpectedDeterminations.Load(name);

        var headings = Parse(LetterHtmlWriter.Write(determination)).Descendants("h3").ToList();

        Assert.Equal(determination.Items.Count, headings.Count);
        for (var i = 0; i < headings.Count; i++)
        {
            var item = determination.Items[i];
            Assert.Equal(ReaderText.Normalize($"{item.Treatment}: {item.Decision}"), ReaderText.Normalize(headings[i].Value));
            var decision = headings[i].Descendants("span").Single(s => HasClass(s, "imr-decision"));
            Assert.Equal(item.Decision.ToString(), decision.Value);
            Assert.True(HasClass(decision, "imr-decision-" + item.Decision.ToString().ToLowerInvariant()));
        }
    }

    [Fact]
    public void Text_from_the_determination_is_encoded()
    {
        const string treatment = "<script>alert(\"x\")</script> & 'Ice/Heat' <b>";
        var determination = Sample.Determination() with
        {
            CaseSummary = "A < B & C > D",
            Items = [Sample.Item() with { Treatment = treatment, Rationale = "</p><p>x" }],
        };

        var html = LetterHtmlWriter.Write(determination);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("A &lt; B &amp; C &gt; D", html, StringComparison.Ordinal);
        var document = Parse(html);
        Assert.Equal(treatment + ": Upheld", document.Descendants("h3").Single().Value);
        Assert.Contains(document.Descendants("p"), p => p.Value == "Decision rationale: </p><p>x");
    }

    [Fact]
    public void The_document_is_an_english_html5_page_titled_by_its_case_number()
    {
        var html = LetterHtmlWriter.Write(Sample.Determination());

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        var root = Parse(html).Root!;
        Assert.Equal("en", root.Attribute("lang")?.Value);
        Assert.Equal("IMR Final Determination CM16-0213037", root.Descendants("title").Single().Value);
        Assert.Equal("utf-8", root.Descendants("meta").First().Attribute("charset")?.Value);
        Assert.Contains("size: letter", root.Descendants("style").Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_header_is_a_table_of_row_headers_with_machine_readable_dates()
    {
        var table = Parse(LetterHtmlWriter.Write(Sample.Determination())).Descendants("table").Single();

        var rows = table.Descendants("tr").ToList();
        Assert.Equal(4, rows.Count);
        Assert.All(table.Descendants("th"), th => Assert.Equal("row", th.Attribute("scope")?.Value));
        Assert.Equal("CM16-0213037", rows[0].Element("td")!.Value);
        Assert.Equal("3", rows[0].Element("td")!.Attribute("colspan")?.Value);
        var dates = table.Descendants("time").Select(t => (t.Attribute("datetime")!.Value, t.Value)).ToList();
        Assert.Contains(("2016-11-09", "11/09/2016"), dates);
        Assert.Contains(("2016-10-13", "10/13/2016"), dates);
        Assert.Equal(5, dates.Count);
    }

    [Fact]
    public void A_determination_without_header_fields_has_no_header_table()
    {
        var determination = Sample.Determination() with
        {
            CaseNumber = null,
            DateAssigned = null,
            DateOfInjury = null,
            DecisionDate = null,
            UrDenialDate = null,
            ApplicationReceived = null,
            Priority = null,
        };

        var document = Parse(LetterHtmlWriter.Write(determination));

        Assert.Empty(document.Descendants("table"));
        Assert.Equal("IMR Final Determination", document.Descendants("title").Single().Value);
    }

    [Fact]
    public void Sections_are_labelled_by_their_headings()
    {
        var article = Parse(LetterHtmlWriter.Write(Sample.Determination())).Descendants("article").Single();

        var headings = article.Elements("section").Select(s => s.Element("h2")!).ToList();
        Assert.Equal(
            ["HOW THE IMR FINAL DETERMINATION WAS MADE", "CLINICAL CASE SUMMARY", "IMR ISSUES, DECISIONS AND RATIONALES"],
            headings.Select(h => h.Value));
        foreach (var section in article.Descendants("section"))
        {
            var labelledBy = section.Attribute("aria-labelledby")!.Value;
            Assert.Equal(labelledBy, section.Elements().First().Attribute("id")?.Value);
        }
    }

    [Fact]
    public void The_fragment_is_the_article_alone_with_ids_under_the_prefix()
    {
        var fragment = LetterHtmlWriter.WriteFragment(Sample.Determination() with { Items = [Sample.Item(), Sample.Item()] }, "letter-2");

        Assert.StartsWith("<article", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", fragment, StringComparison.Ordinal);
        var ids = XElement.Parse(fragment).DescendantsAndSelf().Select(e => e.Attribute("id")?.Value).OfType<string>().ToList();
        Assert.All(ids, id => Assert.StartsWith("letter-2-", id, StringComparison.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("a\" onload=\"x")]
    public void A_fragment_id_prefix_must_be_a_plain_identifier(string prefix)
    {
        Assert.Throws<ArgumentException>(() => LetterHtmlWriter.WriteFragment(Sample.Determination(), prefix));
    }

    [Fact]
    public void Words_a_browser_could_break_badly_are_kept_whole()
    {
        var determination = Sample.Determination() with
        {
            Items = [Sample.Item() with { Rationale = "ice/heat, pre- and post-operative care, 7–10 days, right-sided pain" }],
        };

        var paragraph = Parse(LetterHtmlWriter.Write(determination)).Descendants("p").Single(p => p.Value.StartsWith("Decision rationale", StringComparison.Ordinal));

        var unbreakable = paragraph.Descendants("span").Where(s => HasClass(s, "imr-nobr")).Select(s => s.Value).ToList();
        Assert.Equal(["ice/heat,", "pre- and", "7–10"], unbreakable);
    }

    [Fact]
    public void The_decision_is_kept_on_one_line_with_the_last_word_of_the_treatment()
    {
        var heading = Parse(LetterHtmlWriter.Write(Sample.Determination())).Descendants("h3").Single();

        var kept = heading.Elements("span").Single(s => HasClass(s, "imr-nobr"));
        Assert.Equal("contrast: Upheld", kept.Value);
    }

    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    /// <summary>The text a printout shows: everything but what is for screens only.</summary>
    private static string PrintedText(XElement element) =>
        string.Concat(element.DescendantNodes().OfType<XText>()
            .Where(t => !t.Ancestors().Any(a => HasClass(a, "imr-screen-only")))
            .Select(t => t.Value + (t.NextNode is XElement { Name.LocalName: "br" } ? " " : "")));

    private static bool HasClass(XElement element, string name) =>
        (element.Attribute("class")?.Value ?? "").Split(' ').Contains(name);
}
