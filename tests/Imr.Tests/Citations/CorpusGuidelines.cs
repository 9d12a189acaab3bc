using System.Text.Json;

namespace Imr.Tests.Citations;

/// <summary>Every guideline paragraph of the corpus's reference answers, with the file it came from.</summary>
public static class CorpusGuidelines
{
    public sealed record Paragraph(string File, string Text)
    {
        public override string ToString() => $"{File}: {Text}";
    }

    private static readonly Lazy<IReadOnlyList<Paragraph>> All = new(Load);

    public static IReadOnlyList<Paragraph> Paragraphs => All.Value;

    private static IReadOnlyList<Paragraph> Load()
    {
        var paragraphs = new List<Paragraph>();
        foreach (var path in Directory.EnumerateFiles(TestPaths.CorpusExpected, "*.json").Order())
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            if (!json.RootElement.TryGetProperty("items", out var items)) continue;
            foreach (var item in items.EnumerateArray())
            {
                foreach (var name in (string[])["claimsAdministratorGuideline", "reviewerGuideline"])
                {
                    if (item.TryGetProperty(name, out var text) && text.GetString() is { Length: > 0 } value)
                        paragraphs.Add(new Paragraph(Path.GetFileName(path), value));
                }
            }
        }
        return paragraphs;
    }
}
