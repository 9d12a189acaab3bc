using Imr.Letters.Reading;

namespace Imr.Letters;

/// <summary>The whitespace normalisation of every text the model holds: runs of white space become
/// one space, with no space at either end.</summary>
public static class TextNormalization
{
    public static string Normalize(string text) => Paragraph.Normalize(text);
}
