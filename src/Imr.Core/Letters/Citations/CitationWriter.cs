namespace Imr.Letters.Citations;

/// <summary>
/// Renders citations as the canonical text of a guideline paragraph, from their structure, so that a
/// citation built field by field reads like a letter's. <see cref="Citation.Text"/> is not consulted
/// (except for an <see cref="UnrecognizedCitation"/>, which has nothing else): for a citation read from a
/// letter, its <see cref="Citation.Text"/> stays the truth, and this text only says the same thing.
/// <see cref="CitationParser.Parse"/> reads the result back to the same structure.
/// </summary>
public static class CitationWriter
{
    /// <summary>The paragraph: MTUS parts that follow one another share one "Decision based on MTUS" sentence.</summary>
    public static string Write(IEnumerable<Citation> citations)
    {
        var sentences = new List<string>();
        var parts = new List<MtusCitation>();
        foreach (var citation in citations)
        {
            if (citation is MtusCitation part)
            {
                parts.Add(part);
                continue;
            }
            FlushParts();
            sentences.Add(Write(citation));
        }
        FlushParts();
        return string.Join(" ", sentences);

        void FlushParts()
        {
            if (parts.Count == 0) return;
            sentences.Add("Decision based on MTUS " + string.Join(", and ", parts.Select(Part)) + ".");
            parts.Clear();
        }
    }

    /// <summary>One citation as a sentence of its own.</summary>
    public static string Write(Citation citation) => citation switch
    {
        MtusCitation part => "Decision based on MTUS " + Part(part) + ".",
        NonMtusCitation { Reference: "" } => "Decision based on Non-MTUS Citation",
        NonMtusCitation other => "Decision based on Non-MTUS Citation " + Sentence(other.Reference),
        GuidelineStatement statement => Sentence(string.Join(" ", statement.Party, Phrase(statement.Statement)).Trim()),
        _ => citation.Text,
    };

    // "ACOEM Chapter 8 Neck and Upper Back Complaints 2004, Section(s): Summary, Page(s): 174, 181-2"
    private static string Part(MtusCitation part)
    {
        var text = part.Chapter is int chapter ? $"ACOEM Chapter {chapter} {part.Guideline}" : part.Guideline;
        if (part.Year is int year) text += $" {year}";
        if (part.Sections.Count > 0) text += ", Section(s): " + string.Join(", ", part.Sections);
        if (part.Pages.Count > 0) text += (part.Sections.Count > 0 ? "," : "") + " Page(s): " + string.Join(", ", part.Pages);
        return text;
    }

    private static string Phrase(StatementKind kind) => kind switch
    {
        StatementKind.NotBasedOnMtus => "did not base their decision on the MTUS",
        StatementKind.OutsideMtus => "based their decision on recommendation(s) outside of the MTUS Guidelines",
        StatementKind.NoMedicalEvidence => "did not cite any medical evidence for its decision",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a statement kind."),
    };

    private static string Sentence(string text) => text.EndsWith('.') ? text : text + ".";
}
