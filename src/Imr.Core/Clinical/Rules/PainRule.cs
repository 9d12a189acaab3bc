using System.Globalization;
using System.Text.RegularExpressions;

namespace Imr.Clinical.Rules;

/// <summary>Pain scores on the 0-10 scale, their changes, and relief by percentage or duration.</summary>
internal static partial class PainRule
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const string S = @"(?:10|\d(?:\.\d)?)";

    // One score on the ten-point scale in any of the written forms; named groups lo/hi.
    private const string Score =
        @"(?<![\d/.])(?:(?<lo>" + S + @")(?:\s*/\s*10)?\s*(?:-|–|to)\s*(?<hi>" + S + @")\s*/\s*10(?!\d)"
        + @"|(?<lo>" + S + @")\s*/\s*10(?![\d/])"
        + @"|(?<lo>" + S + @")(?:\s*(?:-|–|to)\s*(?<hi>" + S + @"))?(?:\s+intensity)?\s+(?:out\s+)?of\s+(?:a\s+)?(?:possible\s+)?10\b(?!\s*(?:sessions|visits|patients))"
        + @"|(?<lo>" + S + @")(?:\s*(?:-|–|to)\s*(?<hi>" + S + @"))?\s+on\s+(?:a|the)\s+(?:scale\s+of\s+(?:0|1|zero|one)\s*(?:-|to)\s*10|10[-\s]point(?:\s+(?:pain|analog|numeric))?\s+scale|(?:pain\s+)?scale\s+of\s+10|(?:pain\s+)?scale\s+of\s+(?:0|1)\s*(?:-|to)\s*10)"
        + @"|\bVAS\b(?:\s+(?:score|pain|rating|level))?\s*(?:of|was|is|at|=|:)?\s*(?<lo>" + S + @")(?:\s*(?:-|–|to)\s*(?<hi>" + S + @"))?(?:\s*/\s*10)?(?![\d/])"
        + ")";

    private const string ScoresPattern =
        Score;

    [GeneratedRegex(@"\G(?:" + ScoresPattern + ")", Options)]
    private static partial Regex ScoreRegex();

    internal static readonly AnchoredPattern Scores = new("pain score", ScoreRegex, ScoresPattern, Options, atNumbers: true,
        "vas");

    // A change: "(decreased) from 8/10 to 4/10", "reduced from 5/10 to 0/10", "from 8 out of 10 to 5 out of 10".
    private const string ChangesPattern =
        @"\bfrom\s+(?<b>" + Score + @")\s+(?:down\s+|up\s+)?to\s+(?<a>" + Score + ")";

    [GeneratedRegex(@"\G(?:" + ChangesPattern + ")", Options)]
    private static partial Regex ChangeRegex();

    internal static readonly AnchoredPattern Changes = new("pain change", ChangeRegex, ChangesPattern, Options, atNumbers: false,
        "from");

    // A score without its scale, after a pain word: "pain rated at a 7", "pain level of 7".
    private const string BareScoresPattern =
        @"\bpain\b[^.;]{0,40}?\b(?<kw>rated|rates|rating|graded|level|score|intensity|at)\s+(?:(?:his|her|their|the|it|pain|at|as|of|a|an)\s+){0,3}(?<lo>" + S + @")(?:\s*(?:-|to)\s*(?<hi>" + S + @"))?(?!\d|\.\d|\s*(?:/|-|out\b|of\b|%|percent|degrees?|°|years?|months?|weeks?|days?|hours?|mg|times|x\b|on\b|sessions?|visits?))";

    [GeneratedRegex(@"\G(?:" + BareScoresPattern + ")", Options)]
    private static partial Regex BareScoreRegex();

    internal static readonly AnchoredPattern BareScores = new("pain score without scale", BareScoreRegex, BareScoresPattern, Options, atNumbers: false,
        "pain");

    [GeneratedRegex(@"^\W{0,3}(?:(?<with>with(?:\s+(?:the\s+)?(?:use\s+of\s+)?(?:his\s+|her\s+|current\s+|pain\s+|oral\s+)?(?:medications?|meds|medicine|analgesics?|opioids?|narcotics?|norco|tramadol)))|(?<without>without(?:\s+(?:the\s+)?(?:use\s+of\s+)?(?:his\s+|her\s+|pain\s+)?(?:medications?|meds|medicine|analgesics?|opioids?|narcotics?)))|(?<worst>at\s+(?:its\s+)?worst)|(?<best>at\s+(?:its\s+)?best)|(?<avg>on\s+average|average)|(?<activity>with\s+(?:activity|activities|movement|motion|prolonged\s+\w+))|(?<rest>at\s+rest))", Options)]
    private static partial Regex ConditionAfterRegex();

    [GeneratedRegex(@"(?:(?<with>with\s+(?:his\s+|her\s+)?(?:pain\s+)?(?:medications?|meds|medicine))|(?<without>without\s+(?:his\s+|her\s+)?(?:pain\s+)?(?:medications?|meds|medicine))|(?<worst>at\s+(?:its\s+)?worst)|(?<best>at\s+(?:its\s+)?best)|(?<avg>average|on\s+average)|(?<activity>with\s+(?:activity|activities|movement))|(?<rest>at\s+rest))\W*(?:(?:his|her|the|pain|is|was|rated|at|as|level|of)\W+){0,4}$", Options)]
    private static partial Regex ConditionBeforeRegex();

    // Relief by percentage: "50% relief", "80% pain relief", "90% resolved", "10-15% better", "relief of 60%",
    // "improved 30%"; "decreased range of motion by 15%" is not relief.
    private const string PercentReliefsPattern =
        @"(?:(?:greater|more)\s+than\s+|approximately\s+|about\s+|over\s+|at\s+least\s+|around\s+)?(?<pct>\d{1,3}(?:\.\d+)?)(?:\s*%?\s*(?:-|–|to)\s*(?<pct2>\d{1,3}(?:\.\d+)?))?\s*(?:%|percent|per\s+cent)\s+(?:of\s+(?:his|her|the)\s+)?(?:(?:overall|pain|symptom|symptomatic|sustained|axial|functional|partial|total|reported|of|improvement\s+in|reduction\s+in|relief\s+of)\s+)*(?<word>relief|improvement|improved|reduction|decrease|better|resolved|resolution|benefit|less\s+pain|pain\s+reduction)\b"
        + @"|\b(?:relief|improvement|reduction|decrease)\s+(?:in\s+(?:his\s+|her\s+|the\s+)?(?:pain|symptoms)\s+)?(?:of|by)\s+(?:approximately\s+|about\s+)?(?<pct>\d{1,3}(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(?<pct2>\d{1,3}))?\s*(?:%|percent)"
        + @"|\b(?:improved|better|relieved)\s+(?:by\s+)?(?:approximately\s+|about\s+)?(?<pct>\d{1,3}(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(?<pct2>\d{1,3}))?\s*(?:%|percent)"
        + @"|\b(?:(?:reduced|decreased|improved|relieved)\s+(?:(?:his|her|the)\s+)?(?:pain|symptoms)\s+by\s+(?:approximately\s+|about\s+)?(?<pct>\d{1,3}(?:\.\d+)?)\s*(?:%|percent))";

    [GeneratedRegex(@"\G(?:" + PercentReliefsPattern + ")", Options)]
    private static partial Regex PercentReliefRegex();

    internal static readonly AnchoredPattern PercentReliefs = new("percent relief", PercentReliefRegex, PercentReliefsPattern, Options, atNumbers: true,
        "greater more approximately about over at around relief improvement reduction decrease improved better relieved reduced decreased");

    // Relief by duration alone: "9-10 month's relief", "six weeks of relief".
    private const string DurationReliefsPattern =
        @"\b(?<amt>\d+(?:\.\d+)?(?:\s*(?:-|to)\s*\d+)?|(?:" + Lexicon.NumberWord + @")(?:\s*(?:-|to)\s*(?:" + Lexicon.NumberWord + @"))?)[-\s]+(?<unit>days?|weeks?|months?|years?)(?:'s|'|’s)?\s+(?:of\s+)?(?:(?:pain|symptom(?:atic)?|significant|good|sustained|complete|partial|excellent)\s+)*relief\b";

    [GeneratedRegex(@"\G(?:" + DurationReliefsPattern + ")", Options)]
    private static partial Regex DurationReliefRegex();

    internal static readonly AnchoredPattern DurationReliefs = new("relief by duration", DurationReliefRegex, DurationReliefsPattern, Options, atNumbers: true,
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred");

    public static AnchoredPattern[] Patterns => [Scores, Changes, BareScores, PercentReliefs, DurationReliefs];

    public static void Extract(Document doc)
    {
        var text = doc.Text;
        var claimed = new List<TextRange>();

        foreach (var m in doc.Matches(Changes))
        {
            var before = ScoreOf(m.Groups["b"].Value);
            var after = ScoreOf(m.Groups["a"].Value);
            if (before is null || after is null) continue;
            Add(doc, claimed, m.Index, m.Index + m.Length, after.Value, before);
        }
        foreach (var m in doc.Matches(Scores))
        {
            if (Overlaps(claimed, m.Index, m.Index + m.Length)) continue;
            if (Range(m) is not { } score) continue;
            Add(doc, claimed, m.Index, m.Index + m.Length, score, null);
        }
        foreach (var m in doc.Matches(BareScores))
        {
            var kw = m.Groups["kw"];
            var end = m.Index + m.Length;
            if (Overlaps(claimed, kw.Index, end)) continue;
            if (Range(m) is not { } score) continue;
            Add(doc, claimed, kw.Index, end, score, null);
        }
        doc.PainScores.Sort((a, b) => a.Evidence.Start.CompareTo(b.Evidence.Start));

        ExtractRelief(doc);
    }

    private static void Add(Document doc, List<TextRange> claimed, int start, int end, ScoreRange score, ScoreRange? before)
    {
        if (score.High > 10 || score.Low > score.High || (before is { } b && b.High > 10)) return;
        claimed.Add(new TextRange(start, end));
        // A score is a measurement: "no better ... 10 out of 10" is still 10. Only plans and history qualify it.
        var (assertion, subject) = doc.Context.Assess(start, end, ignore: TriggerType.Negation);
        doc.PainScores.Add(new PainScore
        {
            Assertion = assertion,
            Subject = subject,
            Evidence = doc.Evidence(start, end),
            Score = score,
            Before = before,
            Condition = ConditionOf(doc, start, end),
            Region = RegionBefore(doc, start, end),
        });
    }

    private static PainCondition ConditionOf(Document doc, int start, int end)
    {
        var clause = doc.Clause(start);
        var text = doc.Text;
        var m = ConditionAfterRegex().Match(text, end, Math.Max(0, Math.Min(clause.End, end + 60) - end));
        if (!m.Success)
        {
            var from = Math.Max(clause.Start, start - 60);
            m = ConditionBeforeRegex().Match(text, from, start - from);
        }
        if (!m.Success) return PainCondition.Unspecified;
        return m.Groups["without"].Success ? PainCondition.WithoutMedication
            : m.Groups["with"].Success ? PainCondition.WithMedication
            : m.Groups["worst"].Success ? PainCondition.AtWorst
            : m.Groups["best"].Success ? PainCondition.AtBest
            : m.Groups["avg"].Success ? PainCondition.Average
            : m.Groups["activity"].Success ? PainCondition.WithActivity
            : PainCondition.AtRest;
    }

    // The region named nearest before the score in its sentence ("low back pain rated 7/10"), or inside it.
    private static BodyRegion? RegionBefore(Document doc, int start, int end)
    {
        var sentence = doc.Sentence(start);
        BodyRegion? region = null;
        foreach (var site in doc.BodySites)
        {
            if (site.Evidence.Start < sentence.Start || site.Evidence.Start >= end) continue;
            if (site.Evidence.End <= end && start - site.Evidence.End <= 80) region = site.Region;
        }
        return region;
    }

    private static ScoreRange? Range(Match m)
    {
        if (!double.TryParse(m.Groups["lo"].ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture, out var lo)) return null;
        var hi = lo;
        if (m.Groups["hi"].Success && !double.TryParse(m.Groups["hi"].ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture, out hi)) return null;
        return hi < lo ? null : new ScoreRange(lo, hi);
    }

    private static ScoreRange? ScoreOf(string text)
    {
        var m = ScoreRegex().Match(text);
        return m.Success ? Range(m) : null;
    }

    private static void ExtractRelief(Document doc)
    {
        var text = doc.Text;
        var claimed = new List<TextRange>();
        foreach (var m in doc.Matches(PercentReliefs))
        {
            var pct = double.Parse(m.Groups["pct"].ValueSpan, CultureInfo.InvariantCulture);
            var pct2 = m.Groups["pct2"].Success ? double.Parse(m.Groups["pct2"].ValueSpan, CultureInfo.InvariantCulture) : pct;
            if (pct > 100 || pct2 > 100 || pct2 < pct) continue;
            var end = m.Index + m.Length;
            var duration = DurationAfter(doc, end);
            if (duration is { } d) end = d.Evidence.End;
            claimed.Add(new TextRange(m.Index, end));
            doc.Reliefs.Add(doc.Asserted(new Relief
            {
                Evidence = doc.Evidence(m.Index, end),
                Percent = new ScoreRange(pct, pct2),
                Duration = duration?.Amount,
            }));
        }
        foreach (var m in doc.Matches(DurationReliefs))
        {
            if (Overlaps(claimed, m.Index, m.Index + m.Length)) continue;
            if (TimeRule.ParseAmount(m.Groups["amt"].Value) is not { } amount) continue;
            var unit = char.ToLowerInvariant(m.Groups["unit"].Value[0]) switch { 'd' => TimeUnit.Day, 'w' => TimeUnit.Week, 'm' => TimeUnit.Month, _ => TimeUnit.Year };
            doc.Reliefs.Add(doc.Asserted(new Relief
            {
                Evidence = doc.Evidence(m.Index, m.Index + m.Length),
                Duration = new TimeAmount(amount.Low, amount.High, unit),
            }));
        }
        doc.Reliefs.Sort((a, b) => a.Evidence.Start.CompareTo(b.Evidence.Start));
    }

    // "... relief for 8 weeks", "... 100% relief of pain for 10 days", "90% resolved for a couple of years".
    private static Duration? DurationAfter(Document doc, int end)
    {
        var clause = doc.Clause(end);
        foreach (var d in doc.Durations)
        {
            if (d.Evidence.Start < end) continue;
            if (d.Evidence.Start - end > 40 || d.Evidence.Start >= clause.End) break;
            if (d.Relation is not (DurationRelation.For or DurationRelation.Plain)) break;
            var between = doc.Text.AsSpan(end, d.Evidence.Start - end);
            if (between.IndexOfAny('.', ';', ',') >= 0) break;
            return d;
        }
        return null;
    }

    private static bool Overlaps(List<TextRange> claimed, int start, int end)
    {
        foreach (var c in claimed)
            if (start < c.End && c.Start < end) return true;
        return false;
    }
}
