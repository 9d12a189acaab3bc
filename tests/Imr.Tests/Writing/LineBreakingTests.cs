using System.Text;
using Imr.Letters.Writing;

namespace Imr.Tests.Writing;

public sealed class LineBreakingTests
{
    // Words that tempt a line breaker into breaks a reader would misjoin.
    private static readonly string[] TrickyWords =
    [
        "pre-", "and", "post-operative", "-", "pain", "10-13-16", "11-22-", "16", "and/or", "items/services",
        "http://www.slideshare.net/julenemcalister/differences-between-inpatient-rehabilitation-skilled-nursing-care,",
        "https://example.org/averyveryveryveryveryveryveryveryveryveryveryveryveryverylongpathwithoutanyhyphenatall.html",
        "7–10", "a—b", "x?y", "Guidelines-", "(ODG)", "Section(s):", "°", "C4-5", "right-sided", "Pre-", "operative",
    ];

    [Theory]
    [InlineData(95)]
    [InlineData(40)]
    [InlineData(12)]
    public void Wrapped_lines_read_back_as_the_text_and_respect_the_width(int width)
    {
        var random = new Random(20161109);
        for (var sample = 0; sample < 300; sample++)
        {
            var text = RandomText(random);

            var lines = TextWrapper.Wrap(text, width);

            // The model's texts are only whitespace-normalised; the reader's join must restore them.
            Assert.Equal(LineBreaking.Normalize(text), ReaderText.Normalize(string.Join('\n', lines)));
            foreach (var line in lines.Where(l => l.Length > width))
            {
                // Only a run with no allowed break in it may overrun the width.
                Assert.Single(LineBreaking.Units(line));
                Assert.Single(LineBreaking.Segments(line));
            }
        }
    }

    [Fact]
    public void A_word_ending_in_a_dash_never_ends_a_line()
    {
        var lines = TextWrapper.Wrap("aaaa pre- and post-operative bbbb pain - severe cccc", 9);

        Assert.Contains("pre- and", lines);
        Assert.Contains("- severe", lines);
        Assert.DoesNotContain(lines, l => l.EndsWith(" -", StringComparison.Ordinal) || l == "pre-");
    }

    [Fact]
    public void An_overlong_word_breaks_only_after_its_inner_hyphens()
    {
        var lines = TextWrapper.Wrap("see http://example.org/acute-inpatient-rehabilitation-versus-skilled-nursing.", 30);

        Assert.Equal(["see", "http://example.org/acute-", "inpatient-rehabilitation-", "versus-skilled-nursing."], lines);
    }

    [Fact]
    public void The_last_units_can_be_kept_together()
    {
        var lines = TextWrapper.Wrap("MRI of the right shoulder: Upheld", 27, keepLastUnitsTogether: true);

        Assert.Equal(["MRI of the right", "shoulder: Upheld"], lines);
    }

    [Fact]
    public void Normalising_collapses_white_space_and_drops_invisible_break_hints()
    {
        Assert.Equal("a b c-d", LineBreaking.Normalize("  a \n\t b\f c-\u00ADd\u200B  "));
    }

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        var words = random.Next(1, 60);
        for (var i = 0; i < words; i++)
        {
            text.Append(random.Next(3) == 0 ? TrickyWords[random.Next(TrickyWords.Length)] : new string('x', random.Next(1, 14)));
            text.Append(random.Next(10) == 0 ? "  \n " : " ");
        }
        return text.ToString();
    }
}
