using System.Text.Json;
using System.Text.RegularExpressions;
using Imr.Clinical;

namespace Imr.Tests.Clinical;

/// <summary>Every case summary of the corpus: extraction runs, evidence holds, and the totals are sane.</summary>
public class CorpusClinicalTests
{
    private static readonly Lazy<(string Name, string Summary, string? DateOfInjury)[]> Corpus = new(() =>
        [.. Directory.GetFiles(TestPaths.CorpusExpected, "*.json").Order(StringComparer.Ordinal).Select(f =>
        {
            using var json = JsonDocument.Parse(File.ReadAllText(f));
            var root = json.RootElement;
            var summary = root.TryGetProperty("caseSummary", out var s) ? s.GetString() ?? "" : "";
            var injury = root.TryGetProperty("dateOfInjury", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            return (Path.GetFileName(f), summary, injury);
        })]);

    private static readonly Lazy<(string Name, string Summary, string? DateOfInjury, ClinicalRecord Record)[]> Records = new(() =>
        [.. Corpus.Value.Select(c => (c.Name, c.Summary, c.DateOfInjury, ClinicalFacts.Extract(c.Summary)))]);

    [Fact]
    public void The_corpus_is_there() => Assert.True(Corpus.Value.Length >= 100, $"{Corpus.Value.Length} summaries");

    [Fact]
    public void Every_summary_extracts_and_every_evidence_is_its_text()
    {
        foreach (var (name, summary, _, record) in Records.Value)
        {
            Assert.Same(summary, record.Text);
            try { ClinicalAssert.AllEvidenceHolds(record); }
            catch (Exception e) { throw new InvalidOperationException($"{name}: {e.Message}", e); }
        }
    }

    [Fact]
    public void At_least_half_the_summaries_yield_a_pain_score_or_a_diagnosis()
    {
        var yielding = Records.Value.Count(r => r.Record.PainScores.Count > 0 || r.Record.Diagnoses.Count > 0);
        Assert.True(yielding * 2 >= Records.Value.Length, $"{yielding} of {Records.Value.Length}");
    }

    [Fact]
    public void Most_summaries_yield_treatments_and_anatomy()
    {
        var n = Records.Value.Length;
        Assert.True(Records.Value.Count(r => r.Record.Treatments.Count > 0) >= n * 0.8);
        Assert.True(Records.Value.Count(r => r.Record.BodySites.Count > 0) >= n * 0.95);
        Assert.True(Records.Value.Count(r => r.Record.Dates.Count > 0) >= n * 0.95);
    }

    // A simple independent reading: "N/10" and "N out of 10" written in a summary should each be a pain score.
    [Fact]
    public void Finds_every_plain_ten_point_score()
    {
        var plain = new Regex(@"(?<![\d/.-])(?:10|\d)(?:\s*/\s*10|\s+out\s+of\s+10)(?![\d/])");
        var missed = new List<string>();
        foreach (var (name, summary, _, record) in Records.Value)
            foreach (Match m in plain.Matches(summary))
                if (!record.PainScores.Any(p => p.Evidence.Start <= m.Index && m.Index < p.Evidence.End))
                    missed.Add($"{name}: {m.Value}");
        Assert.True(missed.Count == 0, string.Join("; ", missed));
    }

    // And every "dd-dd-yy(yy)" or "dd/dd/yyyy" date a date.
    [Fact]
    public void Finds_every_plain_numeric_date()
    {
        var plain = new Regex(@"(?<![\w/.-])(?:1[0-2]|0?[1-9])([-/])(?:3[01]|[12]\d|0?[1-9])\1(?:(?:19|20)\d\d|\d\d)(?![\w/-])");
        var missed = new List<string>();
        foreach (var (name, summary, _, record) in Records.Value)
            foreach (Match m in plain.Matches(summary))
                if (!record.Dates.Any(d => d.Evidence.Start <= m.Index && m.Index < d.Evidence.End))
                    missed.Add($"{name}: {m.Value}");
        Assert.True(missed.Count == 0, string.Join("; ", missed));
    }

    // The header of each letter gives the date of injury; where the summary names one, it must agree.
    [Fact]
    public void Reads_the_date_of_injury_as_the_letter_header_gives_it()
    {
        var named = 0;
        var wrong = new List<string>();
        foreach (var (name, _, injury, record) in Records.Value)
        {
            if (injury is null) continue;
            var read = record.Dates.FirstOrDefault(d => d.Role == DateRole.Injury && d.Date is not null);
            if (read is null) continue;
            named++;
            if (read.Date!.Value.ToString("yyyy-MM-dd") != injury) wrong.Add($"{name}: {read.Evidence.Text} vs {injury}");
        }
        Assert.True(named >= Records.Value.Length / 2, $"only {named} injury dates read");
        Assert.True(wrong.Count <= named / 20, string.Join("; ", wrong));
    }

    [Fact]
    public void Negation_is_common_but_not_the_rule()
    {
        var findings = Records.Value.SelectMany(r => r.Record.NeuroFindings.Cast<ClinicalFact>().Concat(r.Record.RedFlags)).ToList();
        var negated = findings.Count(f => f.Assertion == Assertion.Negated);
        Assert.InRange(negated / (double)findings.Count, 0.1, 0.6);
        var treatments = Records.Value.SelectMany(r => r.Record.Treatments).ToList();
        var requested = treatments.Count(t => t.Assertion == Assertion.Hypothetical);
        Assert.InRange(requested / (double)treatments.Count, 0.15, 0.7);
    }

    [Fact]
    public void Every_straight_leg_raise_written_is_read()
    {
        foreach (var (name, summary, _, record) in Records.Value)
        {
            var written = Regex.Matches(summary, @"straight leg rais", RegexOptions.IgnoreCase).Count;
            var read = record.NeuroFindings.Count(f => f.Kind == NeuroFindingKind.StraightLegRaise && f.Evidence.Text.Contains("straight leg rais", StringComparison.OrdinalIgnoreCase));
            Assert.True(read == written, $"{name}: {read} of {written}");
        }
    }

    /// <summary>
    /// The anchored scan (patterns tried only at their first words or numbers) finds exactly what a full scan of
    /// every pattern finds, over the whole corpus: the word lists are complete.
    /// </summary>
    [Fact]
    public void Anchored_patterns_find_what_a_full_scan_finds()
    {
        var problems = new List<string>();
        foreach (var pattern in AnchorIndex.All)
        {
            var full = new Regex(pattern.Pattern, pattern.Options);
            foreach (var (name, summary, _) in Corpus.Value)
            {
                var expected = full.Matches(summary).Select(m => (m.Index, m.Length)).ToList();
                var actual = new Document(summary).Matches(pattern).Select(m => (m.Index, m.Length)).ToList();
                if (!expected.SequenceEqual(actual))
                    problems.Add($"{pattern.Name} in {name}: full [{string.Join(", ", expected.Except(actual).Select(e => summary.Substring(e.Index, e.Length)))}] anchored [{string.Join(", ", actual.Except(expected).Select(e => summary.Substring(e.Index, e.Length)))}]");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));
    }
}
