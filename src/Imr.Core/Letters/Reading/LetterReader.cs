using System.Text;
using System.Text.RegularExpressions;
using Imr.Letters.Model;

namespace Imr.Letters.Reading;

/// <summary>
/// Reads a final determination letter (text as extracted from PDF, in either shape, or a PDF through
/// poppler's pdftotext) into a <see cref="Determination"/>. What it cannot place becomes a
/// <see cref="Diagnostic"/> with its line number; input that is not a letter at all is a
/// <see cref="LetterFormatException"/> whose message says what is wrong.
/// </summary>
public static partial class LetterReader
{
    /// <summary>Text files larger than this are refused: a letter is tens of kilobytes.</summary>
    public const long MaxTextBytes = 16L * 1024 * 1024;

    /// <summary>PDF files larger than this are refused: a letter is a few hundred kilobytes.</summary>
    public const long MaxPdfBytes = 64L * 1024 * 1024;

    private enum Section { Header, Credentials, Summary, Issues }

    /// <summary>Reads a letter file: a PDF (by its signature) or UTF-8 text.</summary>
    /// <exception cref="LetterFormatException">The file is not a readable letter.</exception>
    public static async Task<ReadResult> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new LetterFormatException("the file does not exist");
        if (info.Length == 0) throw new LetterFormatException("the file is empty");
        if (await IsPdfAsync(path, cancellationToken).ConfigureAwait(false))
        {
            if (info.Length > MaxPdfBytes)
                throw new LetterFormatException($"the PDF is {info.Length / (1024 * 1024)} MiB, larger than a letter can be ({MaxPdfBytes / (1024 * 1024)} MiB at most)");
            var text = await Pdftotext.ExtractAsync(path, cancellationToken).ConfigureAwait(false);
            return ReadText(text);
        }
        if (info.Length > MaxTextBytes)
            throw new LetterFormatException($"the file is {info.Length / (1024 * 1024)} MiB, larger than a letter can be ({MaxTextBytes / (1024 * 1024)} MiB at most)");
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return ReadText(DecodeText(bytes));
    }

    /// <summary>Decodes letter text, refusing binary content.</summary>
    /// <exception cref="LetterFormatException">The bytes are not text.</exception>
    public static string DecodeText(ReadOnlySpan<byte> bytes)
    {
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0) throw new LetterFormatException($"the file is not text: it holds binary data (a NUL byte at offset {nul})");
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException e)
        {
            // Some extractions are Latin-1; accept them unless they look binary.
            var controls = 0;
            foreach (var b in bytes) if (b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D)) controls++;
            if (controls > bytes.Length / 100)
                throw new LetterFormatException($"the file is not text: invalid UTF-8 at offset {e.Index} and control characters throughout");
            return Encoding.Latin1.GetString(bytes);
        }
    }

    /// <summary>Reads the text of a letter.</summary>
    /// <exception cref="LetterFormatException">The text is not a final determination letter.</exception>
    public static ReadResult ReadText(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new LetterFormatException("the text is empty");
        var lines = LetterLines.Split(text);
        var headings = FindHeadings(lines);
        if (headings.Count == 0)
            throw new LetterFormatException("not an IMR final determination letter: none of its section headings (HOW THE IMR FINAL DETERMINATION WAS MADE, CLINICAL CASE SUMMARY, IMR ISSUES, DECISIONS AND RATIONALES) was found");

        var diagnostics = new List<Diagnostic>();
        foreach (var missing in Enum.GetValues<Section>().Skip(1).Where(s => !headings.Exists(h => h.Section == s)))
            diagnostics.Add(new Diagnostic(0, $"the section '{HeadingName(missing)}' is missing"));

        var determination = HeaderReader.Read(lines, 0, headings[0].Line, new Determination(), diagnostics);
        for (var h = 0; h < headings.Count; h++)
        {
            var start = headings[h].Line + 1;
            var end = h + 1 < headings.Count ? headings[h + 1].Line : lines.Count;
            determination = headings[h].Section switch
            {
                Section.Credentials => determination with { Reviewer = CredentialsReader.Read(lines, start, end, diagnostics) },
                Section.Summary => determination with { CaseSummary = ReadSummary(lines, start, end) },
                Section.Issues => determination with { Items = IssuesReader.Read(lines, start, end, diagnostics) },
                _ => determination,
            };
        }
        diagnostics.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new ReadResult(determination, new(diagnostics));
    }

    private static string ReadSummary(List<Line> lines, int start, int end)
    {
        // Skip "The expert reviewer developed the following clinical case summary ...:".
        if (start < end && SummaryIntro().IsMatch(lines[start].Text))
        {
            var i = start;
            while (i < end && !lines[i].Text.EndsWith(':') && (i == start || !lines[i].ParagraphBefore)) i++;
            start = Math.Min(i + 1, end);
        }
        return Paragraph.Join(lines, start, end);
    }

    private static List<(int Line, Section Section)> FindHeadings(List<Line> lines)
    {
        var found = new List<(int, Section)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i].Text;
            if (text.Length > 48) continue;
            Section? section = Heading().Match(text) switch
            {
                { Success: false } => null,
                var m when m.Groups["how"].Success => Section.Credentials,
                var m when m.Groups["summary"].Success => Section.Summary,
                _ => Section.Issues,
            };
            if (section is { } s && !found.Exists(f => f.Item2 == s)) found.Add((i, s));
        }
        return found;
    }

    private static string HeadingName(Section section) => section switch
    {
        Section.Credentials => "HOW THE IMR FINAL DETERMINATION WAS MADE",
        Section.Summary => "CLINICAL CASE SUMMARY",
        _ => "IMR ISSUES, DECISIONS AND RATIONALES",
    };

    private static async Task<bool> IsPdfAsync(string path, CancellationToken cancellationToken)
    {
        var head = new byte[1024];
        await using var stream = File.OpenRead(path);
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        return head.AsSpan(0, read).IndexOf("%PDF-"u8) >= 0;
    }

    [GeneratedRegex(@"^(?:(?<how>HOW\s+THE\s+IMR\s+FINAL\s+DETERMINATION\s+WAS\s+MADE)|(?<summary>CLINICAL\s+CASE\s+SUMMARY)|(?<issues>IMR\s+ISSUES,?\s+DECISIONS,?\s+AND\s+RATIONALES?))\s*:?$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^The expert reviewer developed the following", RegexOptions.IgnoreCase)]
    private static partial Regex SummaryIntro();
}
