using System.Text.RegularExpressions;
using Imr.Letters.Model;

namespace Imr.Operations.Services;

/// <summary>
/// Reads which way a decision rationale concludes. The conclusion is the last sentence that states
/// medical necessity: "medically necessary" (or "medically appropriate", "medically needed"), or a verb
/// followed by "recommended", "indicated", "warranted", "supported", "established" or "a medical
/// necessity" ("is recommended", "are not indicated"). It is negative when "not", "no", "cannot" ...
/// stands up to two words before it ("is not medically necessary", "not-medically necessary", "is not
/// currently recommended"). Checked against every item of the letter corpus.
/// </summary>
public static partial class RationaleConclusion
{
    /// <summary>The decision the rationale argues for: <see cref="Decision.Upheld"/> for a conclusion that
    /// the item is not medically necessary, <see cref="Decision.Overturned"/> for one that it is; null when
    /// no sentence states a conclusion.</summary>
    public static Decision? Of(string? rationale)
    {
        if (string.IsNullOrWhiteSpace(rationale)) return null;
        var sentences = SentenceEnd().Split(rationale.Trim());
        for (var i = sentences.Length - 1; i >= 0; i--)
        {
            var sentence = sentences[i];
            if (!Conclusion().IsMatch(sentence)) continue;
            return Negated().IsMatch(sentence) ? Decision.Upheld : Decision.Overturned;
        }
        return null;
    }

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(
        @"\bmedically[\s-]+(?:necessary|appropriate|needed)\b" +
        @"|\b(?:is|are|was|were|be|been|being|remains?|appears?|seems?)\s+(?:\w+\s+){0,2}?(?:recommended|indicated|warranted|supported|established|a\s+medical\s+necessity)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Conclusion();

    [GeneratedRegex(
        @"\b(?:not|no|cannot|never|neither|nor|non)[\s-]+(?:\w+\s+){0,2}?(?:medically[\s-]+(?:necessary|appropriate|needed)|recommended|indicated|warranted|supported|established|a\s+medical\s+necessity)\b" +
        @"|\bunnecessary\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negated();
}
