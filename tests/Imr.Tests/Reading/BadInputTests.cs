using Imr.Letters.Reading;

namespace Imr.Tests.Reading;

/// <summary>Input that is not a letter gives a clear error naming what is wrong, never a crash.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("imr-bad-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task Empty_file_is_reported_as_empty()
    {
        var error = await Assert.ThrowsAsync<LetterFormatException>(() => LetterReader.ReadFileAsync(Write("empty.txt", [])));
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public async Task Missing_file_is_reported_as_missing()
    {
        var error = await Assert.ThrowsAsync<LetterFormatException>(() => LetterReader.ReadFileAsync(Path.Combine(_dir, "nope.pdf")));
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public async Task Random_bytes_are_reported_as_not_text()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[100] = 0;
        var error = await Assert.ThrowsAsync<LetterFormatException>(() => LetterReader.ReadFileAsync(Write("noise.txt", bytes)));
        Assert.Contains("not text", error.Message);
        Assert.Contains("offset", error.Message);
    }

    [Fact]
    public async Task Text_that_is_not_a_letter_names_the_missing_headings()
    {
        var path = Write("recipe.txt", "Mix the flour and the water.\nBake for an hour.\n"u8.ToArray());
        var error = await Assert.ThrowsAsync<LetterFormatException>(() => LetterReader.ReadFileAsync(path));
        Assert.Contains("not an IMR final determination letter", error.Message);
        Assert.Contains("CLINICAL CASE SUMMARY", error.Message);
    }

    [Fact]
    public async Task Truncated_pdf_is_reported_as_unreadable()
    {
        var pdf = File.ReadAllBytes(Directory.EnumerateFiles(TestPaths.CorpusLetters, "*.pdf").Order(StringComparer.Ordinal).First());
        var path = Write("cut.pdf", pdf[..(pdf.Length / 3)]);
        var error = await Assert.ThrowsAsync<LetterFormatException>(() => LetterReader.ReadFileAsync(path));
        Assert.Contains("PDF", error.Message);
    }

    [Fact]
    public async Task Pdf_signature_with_garbage_is_reported_as_unreadable()
    {
        var path = Write("fake.pdf", "%PDF-1.7\nthis is not a PDF body at all\n"u8.ToArray());
        var error = await Assert.ThrowsAsync<LetterFormatException>(() => LetterReader.ReadFileAsync(path));
        Assert.Contains("PDF", error.Message);
    }

    [Fact]
    public async Task Very_large_file_is_refused_before_it_is_read()
    {
        var path = Path.Combine(_dir, "huge.txt");
        await using (var stream = File.Create(path)) stream.SetLength(LetterReader.MaxTextBytes + 1);
        var error = await Assert.ThrowsAsync<LetterFormatException>(() => LetterReader.ReadFileAsync(path));
        Assert.Contains("larger than a letter can be", error.Message);
    }

    [Fact]
    public void Letter_with_a_section_missing_reads_with_a_diagnostic()
    {
        var text = string.Join('\n',
            "CLINICAL CASE SUMMARY",
            "The injured worker has neck pain.",
            "",
            "IMR ISSUES, DECISIONS AND RATIONALES",
            "MRI of the neck: Upheld",
            "",
            "Claims Administrator guideline: Decision based on MTUS Neck and Upper Back Complaints 2004.",
            "",
            "MAXIMUS guideline: Decision based on MTUS Neck and Upper Back Complaints 2004.",
            "",
            "Decision rationale: Not indicated.");
        var result = LetterReader.ReadText(text);
        Assert.Single(result.Determination.Items);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("HOW THE IMR FINAL DETERMINATION WAS MADE"));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("credentials") || d.Message.Contains("missing"));
    }

    [Fact]
    public void Item_without_its_labels_is_reported_with_its_line()
    {
        var text = string.Join('\n',
            "HOW THE IMR FINAL DETERMINATION WAS MADE",
            "State(s) of Licensure: Ohio",
            "Certification(s)/Specialty: Internal Medicine",
            "",
            "CLINICAL CASE SUMMARY",
            "Neck pain.",
            "",
            "IMR ISSUES, DECISIONS AND RATIONALES",
            "MRI of the neck: Overturned",
            "",
            "Decision rationale: Indicated.");
        var result = LetterReader.ReadText(text);
        var item = Assert.Single(result.Determination.Items);
        Assert.Equal("Indicated.", item.Rationale);
        var missing = Assert.Single(result.Diagnostics, d => d.Message.Contains("Claims Administrator guideline"));
        Assert.Equal(9, missing.Line);
    }
}
