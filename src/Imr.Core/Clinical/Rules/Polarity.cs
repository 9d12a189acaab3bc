using System.Text.RegularExpressions;

namespace Imr.Clinical.Rules;

/// <summary>
/// Reads whether an examination sign was positive or negative from the words right around it ("positive Hawkins",
/// "straight leg raise on the left is positive"), allowing only connecting words between, so that in "positive
/// Tinel's and negative Phalen's" each sign keeps its own result.
/// </summary>
internal static partial class Polarity
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    [GeneratedRegex(@"^(?:\s+(?:tests?|testing|signs?|maneuvers?|manoeuvres?|was|is|were|are|on|the|left|right|bilaterally|bilateral|side|sides|at|\d+|degrees?|°|reported|noted|found|to|be|also|both|in|of|elbow|wrist|hand|knee|shoulder|hip|lower|upper|extremit(?:y|ies)|legs?|arms?|slightly|mildly|strongly|again|reportedly|elicited|today|with\s+pain))*\s*:?\s+(?:(?<pos>positive)|(?<neg>negative))\b", Options)]
    private static partial Regex AfterRegex();

    [GeneratedRegex(@"\b(?:(?<pos>positive)|(?<neg>negative))\s+(?:(?:for|bilateral|left|right|seated|supine|sitting|single|a|an|the)\s+)*$", Options)]
    private static partial Regex BeforeRegex();

    [GeneratedRegex(@"^\s*(?:(?:test(?:ing)?|sign|on\s+the\s+(?:left|right)|bilaterally|was|is|positive|negative)\s+)*(?:at|to)\s+(?<deg>\d{1,3})\s*(?:degrees|°)", Options)]
    private static partial Regex AngleRegex();

    /// <summary>True for positive, false for negative, null when the words around say neither.</summary>
    public static bool? Of(Document doc, int start, int end)
    {
        var clause = doc.Clause(start);
        var after = AfterRegex().Match(doc.Text, end, Math.Max(0, Math.Min(clause.End, end + 80) - end));
        if (after.Success) return after.Groups["pos"].Success;
        var from = Math.Max(clause.Start, start - 40);
        var before = BeforeRegex().Match(doc.Text, from, start - from);
        if (before.Success) return before.Groups["pos"].Success;
        return null;
    }

    /// <summary>"at 65 degrees" after a straight leg raise.</summary>
    public static string? Angle(Document doc, int end)
    {
        var clause = doc.Clause(end);
        var m = AngleRegex().Match(doc.Text, end, Math.Max(0, Math.Min(clause.End, end + 50) - end));
        return m.Success ? $"{m.Groups["deg"].Value} degrees" : null;
    }

    /// <summary>Applies a read polarity to the ConText assertion: negative wins, positive keeps what ConText said unless that was a negation.</summary>
    public static Assertion Combine(bool? positive, Assertion context) => positive switch
    {
        false => Assertion.Negated,
        true when context == Assertion.Negated => Assertion.Present,
        _ => context,
    };

    /// <summary>Spinal levels in the clause from <paramref name="before"/> characters before the span to <paramref name="after"/> after it.</summary>
    public static IReadOnlyList<string> LevelsNear(Document doc, int start, int end, int before = 30, int after = 50)
    {
        var clause = doc.Clause(start);
        List<string>? levels = null;
        foreach (var level in doc.SpinalLevels)
        {
            var s = level.Evidence.Start;
            if (s < clause.Start || s >= clause.End || s < start - before || s > end + after) continue;
            (levels ??= []).Add(level.Name);
        }
        return levels is null ? [] : levels;
    }
}
