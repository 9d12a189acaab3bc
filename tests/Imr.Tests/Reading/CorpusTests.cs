using System.Text.Json;
using System.Text.Json.Nodes;
using Imr.Letters;
using Imr.Letters.Reading;

namespace Imr.Tests.Reading;

/// <summary>The corpus is the spec: every letter read equals its reference answer, field by field.</summary>
public sealed class CorpusTests
{
    public static TheoryData<string> Letters() => new(LetterNames());

    internal static IEnumerable<string> LetterNames() =>
        Directory.EnumerateFiles(TestPaths.Seeds, "*.txt")
            .Concat(Directory.EnumerateFiles(TestPaths.CorpusLetters, "*.pdf"))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!;

    internal static string PathOf(string name) =>
        Path.Combine(name.EndsWith(".pdf", StringComparison.Ordinal) ? TestPaths.CorpusLetters : TestPaths.Seeds, name);

    internal static JsonObject Expected(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.CorpusExpected, Path.ChangeExtension(name, ".json"))))!.AsObject();

    [Theory]
    [MemberData(nameof(Letters))]
    public async Task Letter_reads_to_its_reference_answer(string name)
    {
        var result = await LetterReader.ReadFileAsync(PathOf(name));
        var actual = JsonNode.Parse(LetterJson.Serialize(name, result))!.AsObject();
        var expected = Expected(name);

        foreach (var (field, value) in expected)
        {
            if (field == "items") continue;
            var got = field == "reviewer" ? Project(actual[field]!.AsObject(), value!.AsObject()) : actual[field];
            Assert.True(JsonNode.DeepEquals(value, got), $"{name}: {field}\n expected {value?.ToJsonString()}\n actual   {got?.ToJsonString()}");
        }
        var expectedItems = expected["items"]!.AsArray();
        var actualItems = actual["items"]!.AsArray();
        Assert.True(expectedItems.Count == actualItems.Count,
            $"{name}: {expectedItems.Count} items expected, {actualItems.Count} read: {string.Join(" | ", actualItems.Select(i => i!["treatment"]))}");
        for (var i = 0; i < expectedItems.Count; i++)
        {
            foreach (var (field, value) in expectedItems[i]!.AsObject())
            {
                var got = actualItems[i]![field];
                Assert.True(JsonNode.DeepEquals(value, got), $"{name}: item {i + 1} {field}\n expected {value?.ToJsonString()}\n actual   {got?.ToJsonString()}");
            }
        }
    }

    [Fact]
    public async Task Corpus_letters_read_with_few_diagnostics()
    {
        // Diagnostics are for text the reader could not place; a reader that placed little would
        // still "pass" field tests on fields it happens to get, so bound them over the corpus.
        var diagnostics = 0;
        foreach (var name in LetterNames())
            diagnostics += (await LetterReader.ReadFileAsync(PathOf(name))).Diagnostics.Count;
        Assert.InRange(diagnostics, 0, 15);
    }

    private static JsonObject Project(JsonObject actual, JsonObject expectedShape) =>
        new(expectedShape.Select(p => KeyValuePair.Create(p.Key, actual[p.Key]?.DeepClone())));
}
