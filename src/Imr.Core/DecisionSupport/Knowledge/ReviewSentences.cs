using System.Text.RegularExpressions;

namespace Imr.DecisionSupport.Knowledge;

/// <summary>
/// The sentences of a case summary that report the utilization review and earlier physician reviews ("The Utilization
/// Review denied the request due to no documentation of failed conservative care"): what a reviewer said of the record
/// is not the record, so the engine does not take its words as clinical evidence. They are blanked out, positions kept,
/// before the facts are read.
/// </summary>
public static partial class ReviewSentences
{
    /// <summary>The text with every review sentence replaced by spaces (same length, so evidence positions hold).</summary>
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = text.ToCharArray();
        var start = 0;
        foreach (Match end in SentenceEnd().Matches(text + " "))
        {
            var stop = Math.Min(text.Length, end.Index + 1);
            var sentence = text.AsSpan(start, Math.Max(0, stop - start));
            // A review that certified something states a fact the record relies on ("the arthroscopy was certified").
            if (stop > start && Review().IsMatch(sentence) && !(Certified().IsMatch(sentence) && !Refused().IsMatch(sentence)))
                for (var i = start; i < stop; i++)
                    if (!char.IsWhiteSpace(chars[i])) chars[i] = ' ';
            start = stop;
        }
        return new string(chars);
    }

    // A full stop followed by white space ends a sentence (not "5.5" or "Dr.Smith"); so does a line break.
    [GeneratedRegex(@"(?<=[.!?])\s|\n")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\b(?:certified|authorized|approved)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Certified();

    [GeneratedRegex(@"non-?certif\w*|not (?:certified|authorized|approved)|denied|denial|modified|original request|IMR eligible", RegexOptions.IgnoreCase)]
    private static partial Regex Refused();

    [GeneratedRegex(@"utilization review|\bUR\b|non-?certif\w*|\b(?:was|were|been|is|are) (?:\w+ ){0,2}(?:denied|modified|non-?certified|not certified)\b|\bdenied (?:the |this |a )?(?:request|authorization)|\bdenial\b|original request|IMR eligible|(?:previous|prior|initial) (?:reviewing )?physician|physician review|peer review", RegexOptions.IgnoreCase)]
    private static partial Regex Review();
}
