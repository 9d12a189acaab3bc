using Imr.Letters.Citations;

namespace Imr.Tests.Citations;

/// <summary>The corpus is the specification: every guideline paragraph in it must read.</summary>
public class CorpusCitationTests
{
    [Fact]
    public void The_corpus_has_guideline_paragraphs()
    {
        Assert.True(CorpusGuidelines.Paragraphs.Count > 500, $"Only {CorpusGuidelines.Paragraphs.Count} paragraphs found.");
    }

    [Fact]
    public void Every_corpus_guideline_paragraph_is_recognised()
    {
        var unrecognised = CorpusGuidelines.Paragraphs
            .SelectMany(p => CitationParser.Parse(p.Text).OfType<UnrecognizedCitation>().Select(u => $"{p.File}: «{u.Text}» in «{p.Text}»"))
            .Distinct()
            .ToList();
        Assert.True(unrecognised.Count == 0, $"{unrecognised.Count} unrecognised:\n" + string.Join("\n", unrecognised));
    }

    [Fact]
    public void Citation_texts_are_the_paragraphs_words_in_order_with_none_dropped()
    {
        var failures = new List<string>();
        foreach (var paragraph in CorpusGuidelines.Paragraphs)
        {
            var texts = CitationParser.Parse(paragraph.Text).Select(c => c.Text).ToList();
            if (texts.FirstOrDefault(t => t.Length == 0 || !paragraph.Text.Contains(t, StringComparison.Ordinal)) is { } stray)
                failures.Add($"{paragraph}\n  not a part of it: «{stray}»");
            else if (string.Join(" ", texts) != paragraph.Text.Trim())
                failures.Add($"{paragraph}\n  covered as: «{string.Join("» «", texts)}»");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Every_corpus_paragraph_reads_back_from_its_canonical_text()
    {
        var failures = new List<string>();
        foreach (var paragraph in CorpusGuidelines.Paragraphs)
        {
            var citations = CitationParser.Parse(paragraph.Text);
            var written = CitationWriter.Write(citations);
            var again = CitationParser.Parse(written);
            if (!Structure(again).SequenceEqual(Structure(citations)))
                failures.Add($"{paragraph}\n  written: {written}\n  read:    {string.Join(" | ", Structure(citations))}\n  reread:  {string.Join(" | ", Structure(again))}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>What a citation says, without the words it was read from.</summary>
    internal static IEnumerable<Citation> Structure(IEnumerable<Citation> citations) =>
        citations.Select(c => c is UnrecognizedCitation ? c : c with { Text = "" });
}
