using System.Diagnostics;
using System.Text.RegularExpressions;
using Imr.Letters;
using Imr.Letters.Model;
using Imr.Letters.Writing;
using Xunit.Abstractions;

namespace Imr.Tests.Writing;

/// <summary>
/// The printed letter must read back: <c>pdftotext -layout</c> of it gives the text a reader of the
/// published letters parses. Rendering takes about half a second, so a handful of letters is printed,
/// chosen for what makes printing hard.
/// </summary>
public sealed partial class LetterPdfWriterTests(ITestOutputHelper output)
{
    public static TheoryData<string> HardLetters()
    {
        var letters = ExpectedDeterminations.Names().Select(n => (Name: n, Determination: ExpectedDeterminations.Load(n))).ToList();
        static IEnumerable<string> Texts(Determination d) => ExpectedDeterminations.FieldTexts(d);
        var chosen = new[]
        {
            letters.First(l => l.Determination.CaseNumber is not null),
            letters.First(l => l.Determination.CaseNumber is null),
            letters.MaxBy(l => l.Determination.Items.Count),
            letters.First(l => l.Determination.Items.Any(i => i.Eligibility is not null)),
            letters.MaxBy(l => Texts(l.Determination).SelectMany(t => t.Split(' ')).Max(w => w.Length)),
            letters.First(l => Texts(l.Determination).Any(t => t.Any(c => c > '~'))),
        };
        return new(chosen.Select(l => l.Name).Distinct());
    }

    [Theory]
    [MemberData(nameof(HardLetters))]
    public async Task The_printed_letter_reads_back_as_the_letter_text(string name)
    {
        var determination = ExpectedDeterminations.Load(name);

        var watch = Stopwatch.StartNew();
        var pdf = await new LetterPdfWriter().RenderAsync(determination);
        output.WriteLine($"{name}: {pdf.Length} bytes in {watch.ElapsedMilliseconds} ms");
        var printed = await Pdftotext.LayoutAsync(pdf);

        Assert.True(pdf.AsSpan().StartsWith("%PDF"u8));
        var text = ReaderText.Normalize(printed);
        foreach (var field in ExpectedDeterminations.FieldTexts(determination))
            Assert.Contains(ReaderText.Normalize(field), text, StringComparison.Ordinal);
        Assert.Equal(ReaderText.Normalize(LetterTextWriter.Write(determination)), text);
    }

    [Theory]
    [MemberData(nameof(HardLetters))]
    public async Task The_printed_layout_has_the_lines_readers_look_for(string name)
    {
        var determination = ExpectedDeterminations.Load(name);

        var lines = (await Pdftotext.LayoutAsync(await new LetterPdfWriter().RenderAsync(determination)))
            .Replace("\f", "", StringComparison.Ordinal).Split('\n');

        var first = lines.First(l => l.Trim().Length > 0);
        if (determination.CaseNumber is { } caseNumber)
        {
            Assert.Matches($@"^Case Number:\s+{caseNumber.Value}$", first);
            Assert.Contains(lines, l => DateRow("Date Assigned:", "Date of Injury:").IsMatch(l));
            Assert.Contains(lines, l => DateRow("Decision Date:", "UR Denial Date:").IsMatch(l));
            Assert.Contains(lines, l => PriorityRow().IsMatch(l));
            Assert.Contains(lines, l => l.Trim() == "Received:");
        }
        else
        {
            Assert.Equal("HOW THE IMR FINAL DETERMINATION WAS MADE", first.Trim());
        }
        foreach (var heading in new[] { "HOW THE IMR FINAL DETERMINATION WAS MADE", "CLINICAL CASE SUMMARY", "IMR ISSUES, DECISIONS AND RATIONALES" })
            Assert.Contains(lines, l => l.Trim() == heading);
        var decisions = lines.Select(l => DecisionLineEnd().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value);
        Assert.Equal(determination.Items.Select(i => i.Decision.ToString()), decisions);
        Assert.Contains(lines, l => l.Length == 0);
    }

    [Fact]
    public async Task WriteAsync_writes_the_pdf_to_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"imr letter {Guid.NewGuid():N}.pdf");
        try
        {
            await new LetterPdfWriter().WriteAsync(Sample.Determination(), path);

            var pdf = await File.ReadAllBytesAsync(path);
            Assert.True(pdf.AsSpan().StartsWith("%PDF"u8));
            Assert.Contains("MRI of the right shoulder without contrast: Upheld", await Pdftotext.LayoutAsync(pdf), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_missing_weasyprint_is_reported_clearly()
    {
        var writer = new LetterPdfWriter(Path.Combine(Path.GetTempPath(), "no-such-dir", "weasyprint"));

        var error = await Assert.ThrowsAsync<ExternalToolException>(() => writer.RenderAsync(Sample.Determination()));

        Assert.Contains("weasyprint", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y weasyprint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_weasyprint_is_reported_with_its_error_output()
    {
        if (OperatingSystem.IsWindows()) return;
        var script = Path.Combine(Path.GetTempPath(), $"failing-weasyprint-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(script, "#!/bin/sh\necho 'cannot render: broken stylesheet' >&2\nexit 3\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        try
        {
            var error = await Assert.ThrowsAsync<ExternalToolException>(() => new LetterPdfWriter(script).RenderAsync(Sample.Determination()));

            Assert.Contains("exit code 3", error.Message, StringComparison.Ordinal);
            Assert.Contains("cannot render: broken stylesheet", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public async Task Rendering_can_be_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new LetterPdfWriter().RenderAsync(Sample.Determination(), cancellation.Token));
    }

    [Fact]
    public void External_tools_are_found_on_the_path()
    {
        Assert.NotNull(ExternalTools.Locate(ExternalTools.Weasyprint));
        Assert.NotNull(ExternalTools.Locate(ExternalTools.Pdftotext));
        Assert.Null(ExternalTools.Locate("no-such-tool-for-imr"));
        var error = Assert.Throws<ExternalToolException>(() => ExternalTools.Require("no-such-tool-for-imr"));
        Assert.Contains("no-such-tool-for-imr", error.Message, StringComparison.Ordinal);
    }

    private static Regex DateRow(string first, string second) =>
        new($@"^{Regex.Escape(first)}\s+\d\d/\d\d/\d{{4}}\s+{Regex.Escape(second)}\s+\d\d/\d\d/\d{{4}}$");

    [GeneratedRegex(@"^Priority:\s+(Standard|Expedited)\s+Application\s+\d\d/\d\d/\d{4}$")]
    private static partial Regex PriorityRow();

    [GeneratedRegex(@":\s(Upheld|Overturned)$")]
    private static partial Regex DecisionLineEnd();
}
