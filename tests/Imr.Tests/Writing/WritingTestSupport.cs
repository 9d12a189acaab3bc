using System.Diagnostics;
using System.Text.RegularExpressions;
using Imr.Letters;
using Imr.Letters.Model;

namespace Imr.Tests.Writing;

/// <summary>The reference determinations of the corpus, by file name.</summary>
internal static class ExpectedDeterminations
{
    public static IEnumerable<string> Names() =>
        Directory.EnumerateFiles(TestPaths.CorpusExpected, "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

    public static TheoryData<string> All() => new(Names());

    public static Determination Load(string name) =>
        LetterJson.Deserialize(File.ReadAllText(Path.Combine(TestPaths.CorpusExpected, name + ".json")));

    /// <summary>Every text a reader must get back from a letter, as the writer should print it.</summary>
    public static IEnumerable<string> FieldTexts(Determination d)
    {
        if (d.CaseNumber is { } caseNumber) yield return caseNumber.Value;
        foreach (var date in new[] { d.DateAssigned, d.DateOfInjury, d.DecisionDate, d.UrDenialDate, d.ApplicationReceived })
        {
            if (date is { } value) yield return value.ToString("MM/dd/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        }
        if (d.Priority is { } priority) yield return priority.ToString();
        foreach (var state in d.Reviewer.Licensure) yield return state;
        foreach (var specialty in d.Reviewer.Specialties) yield return specialty;
        yield return d.CaseSummary;
        foreach (var item in d.Items)
        {
            yield return $"{item.Treatment}: {item.Decision}";
            yield return "Claims Administrator guideline: " + item.ClaimsAdministratorGuideline;
            yield return "MAXIMUS guideline: " + item.ReviewerGuideline;
            yield return "Decision rationale: " + item.Rationale;
        }
    }
}

/// <summary>
/// Letter text as a reader sees it: page breaks dropped, a line-end hyphen kept and joined to the
/// next line's first word, every other run of white space one space (the corpus's own convention).
/// </summary>
internal static partial class ReaderText
{
    public static string Normalize(string text)
    {
        text = text.Replace("\f", "", StringComparison.Ordinal);
        text = LineEndHyphen().Replace(text, "-");
        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>The blank-line separated paragraphs, each normalised.</summary>
    public static IReadOnlyList<string> Paragraphs(string text) =>
        BlankLine().Split(text.Replace("\f", "", StringComparison.Ordinal))
            .Select(Normalize)
            .Where(p => p.Length > 0)
            .ToList();

    [GeneratedRegex(@"-[ \t]*\n[ \t]*(?=\S)")]
    private static partial Regex LineEndHyphen();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex BlankLine();
}

/// <summary>Runs <c>pdftotext -layout</c>, as readers of the published letters do.</summary>
internal static class Pdftotext
{
    public static async Task<string> LayoutAsync(byte[] pdf)
    {
        var executable = ExternalTools.Require(ExternalTools.Pdftotext);
        var input = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(input, pdf);
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "-layout", "-enc", "UTF-8", input, "-" }) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0) throw new InvalidOperationException($"pdftotext failed: {await errors}");
            return await output;
        }
        finally
        {
            File.Delete(input);
        }
    }
}
