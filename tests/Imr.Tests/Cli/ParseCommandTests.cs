using System.Text.Json.Nodes;

namespace Imr.Tests.Cli;

public sealed class ParseCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("imr-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Json_gives_one_line_per_file_in_input_order_and_a_bad_file_does_not_stop_the_rest()
    {
        var seeds = Directory.EnumerateFiles(TestPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).Take(2).ToArray();
        var bad = Path.Combine(_dir, "bad.txt");
        await File.WriteAllTextAsync(bad, "not a letter");

        var run = await CliRunner.RunAsync("parse", seeds[1], bad, seeds[0], "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Stdout + run.Stderr); // no stack trace
        var lines = run.Lines.Select(l => JsonNode.Parse(l)!.AsObject()).ToArray();
        Assert.Equal([Path.GetFileName(seeds[1]), "bad.txt", Path.GetFileName(seeds[0])], lines.Select(l => (string)l["source"]!));
        Assert.Contains("not an IMR final determination letter", (string)lines[1]["error"]!);
        Assert.NotNull(lines[0]["items"]);
        Assert.NotNull(lines[2]["caseSummary"]);
    }

    [Fact]
    public async Task Directory_is_read_in_name_order_and_exits_zero_when_all_parse()
    {
        var run = await CliRunner.RunAsync("parse", TestPaths.Seeds, "--json");

        Assert.Equal(0, run.ExitCode);
        var sources = run.Lines.Select(l => (string)JsonNode.Parse(l)!["source"]!).ToArray();
        Assert.Equal(sources.Order(StringComparer.Ordinal), sources);
        Assert.Equal(Directory.EnumerateFiles(TestPaths.Seeds, "*.txt").Count(), sources.Length);
    }

    [Fact]
    public async Task Json_fields_are_camel_case_with_iso_dates_and_structured_citations()
    {
        var pdf = Directory.EnumerateFiles(TestPaths.CorpusLetters, "*.pdf").Order(StringComparer.Ordinal).First();
        var run = await CliRunner.RunAsync("parse", pdf, "--json");

        var line = JsonNode.Parse(run.Lines.Single())!.AsObject();
        foreach (var field in new[] { "source", "caseNumber", "dateAssigned", "dateOfInjury", "decisionDate", "urDenialDate", "applicationReceived", "priority", "reviewer", "caseSummary", "items", "diagnostics" })
            Assert.True(line.ContainsKey(field), $"missing {field}");
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", (string)line["decisionDate"]!);
        var item = line["items"]![0]!.AsObject();
        foreach (var field in new[] { "treatment", "decision", "claimsAdministratorGuideline", "reviewerGuideline", "rationale", "reviewerCitations" })
            Assert.True(item.ContainsKey(field), $"missing items[].{field}");
    }

    [Fact]
    public async Task Human_output_names_each_letter_and_each_failure()
    {
        var bad = Path.Combine(_dir, "empty.pdf");
        await File.WriteAllBytesAsync(bad, []);
        var seed = Directory.EnumerateFiles(TestPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).First();

        var run = await CliRunner.RunAsync("parse", seed, bad);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(Path.GetFileName(seed), run.Stdout);
        Assert.Contains("empty.pdf", run.Stdout);
        Assert.Contains("the file is empty", run.Stdout);
    }
}
