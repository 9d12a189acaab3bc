using Imr.Letters.Model;

namespace Imr.Letters.Citations;

/// <summary>Reads a guideline paragraph into <see cref="Citation"/>s.</summary>
public static class CitationParser
{
    /// <summary>Reads a whitespace-normalised guideline paragraph; never throws.</summary>
    public static ValueList<Citation> Parse(string guidelineText)
    {
        // Placeholder: the grammar comes with the citation work.
        return string.IsNullOrWhiteSpace(guidelineText) ? [] : [new UnrecognizedCitation(guidelineText)];
    }
}
