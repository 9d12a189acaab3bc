using System.Text.RegularExpressions;

namespace Imr.Clinical.Rules;

/// <summary>Work status: full duty, modified duty, off work, temporary total disability, permanent and stationary.</summary>
internal static partial class WorkStatusRule
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const string WorkHead = @"\b(?:";
    private const string WorkTail = @")\b";
    private const string WorkUnknown = @"(?<unknown>work\s+status\s+(?:is|was)\s+(?:not\s+(?:documented|provided|detailed|stated|noted|clear|known)|unclear|unknown|undocumented))";
    private const string WorkTtd = @"(?<ttd>temporar(?:y|ily)\s+(?:and\s+)?total(?:ly)?\s+(?:\w+\s+)?disab(?:led|ility)|total(?:ly)?\s+(?:and\s+)?temporar(?:y|ily)\s+disab(?:led|ility)|(?-i:TTD))";
    private const string WorkPs = @"(?<ps>permanent\s+and\s+stationary|(?-i:P\s?&\s?S)|maximum\s+medical\s+improvement|(?-i:MMI))";
    private const string WorkModified = @"(?<modified>modified\s+(?:work|duty|duties|job)|light\s+(?:work|duty|duties)|restricted\s+(?:work|duty|duties)|(?:work(?:ing)?|return(?:ed)?\s+to\s+work)\s+with\s+restrictions|work\s+restrictions|return(?:ed)?\s+to\s+(?:modified|light|restricted)\s+(?:work|duty|duties))";
    private const string WorkFull = @"(?<full>full\s+duty|full\s+duties|(?:return(?:ed)?\s+to|released\s+to|working)\s+(?:full|regular|usual)\s+(?:work|duty|duties)|(?:work(?:ing)?|return(?:ed)?\s+to\s+work)\s+without\s+restrictions?|no\s+work\s+restrictions)";
    private const string WorkOff = @"(?<off>off\s+(?:of\s+)?work|out\s+of\s+work|not\s+(?:currently\s+)?working|unable\s+to\s+work|remain(?:s|ed)?\s+off|(?:placed|kept|is|was|remains?)\s+off(?:\s+(?:of\s+)?work\b|(?=\s+(?:until|through|for)))|totally\s+disabled)";
    private const string WorkWorking = @"(?<working>(?:is|was|currently|continues\s+to\s+be|has\s+been)\s+working|return(?:ed)?\s+to\s+work)";
    private const string StatusesPattern =
        WorkHead + WorkUnknown + "|" + WorkTtd + "|" + WorkPs + "|" + WorkModified + "|" + WorkFull + "|" + WorkOff + "|" + WorkWorking + WorkTail;

    [GeneratedRegex(@"\G(?:" + WorkHead + WorkUnknown + WorkTail + ")", Options)]
    private static partial Regex WorkRegexUnknown();

    [GeneratedRegex(@"\G(?:" + WorkHead + WorkTtd + WorkTail + ")", Options)]
    private static partial Regex WorkRegexTtd();

    [GeneratedRegex(@"\G(?:" + WorkHead + WorkPs + WorkTail + ")", Options)]
    private static partial Regex WorkRegexPs();

    [GeneratedRegex(@"\G(?:" + WorkHead + WorkModified + WorkTail + ")", Options)]
    private static partial Regex WorkRegexModified();

    [GeneratedRegex(@"\G(?:" + WorkHead + WorkFull + WorkTail + ")", Options)]
    private static partial Regex WorkRegexFull();

    [GeneratedRegex(@"\G(?:" + WorkHead + WorkOff + WorkTail + ")", Options)]
    private static partial Regex WorkRegexOff();

    [GeneratedRegex(@"\G(?:" + WorkHead + WorkWorking + WorkTail + ")", Options)]
    private static partial Regex WorkRegexWorking();

    internal static readonly AnchoredPattern Statuses = new("work status", [WorkRegexUnknown, WorkRegexTtd, WorkRegexPs, WorkRegexModified, WorkRegexFull, WorkRegexOff, WorkRegexWorking], StatusesPattern, Options, atNumbers: false,
        "work working return returned temporary temporarily total totally ttd permanent p maximum mmi modified light restricted full released no off out not unable remain remains remained placed kept is was currently continues has");

    private static readonly (string Group, WorkStatusKind Kind)[] Kinds =
    [
        ("unknown", WorkStatusKind.NotDocumented), ("ttd", WorkStatusKind.TemporaryTotalDisability),
        ("ps", WorkStatusKind.PermanentAndStationary), ("modified", WorkStatusKind.ModifiedDuty), ("full", WorkStatusKind.FullDuty),
        ("off", WorkStatusKind.OffWork), ("working", WorkStatusKind.Working),
    ];

    public static AnchoredPattern[] Patterns => [Statuses];

    public static void Extract(Document doc)
    {
        foreach (var m in doc.Matches(Statuses))
        {
            var kind = WorkStatusKind.Working;
            foreach (var (group, k) in Kinds)
                if (m.Groups[group].Success) { kind = k; break; }
            var fact = new WorkStatus { Evidence = doc.Evidence(m.Index, m.Index + m.Length), Kind = kind };
            // "not working" and "work status is not documented" carry their negation inside: the fact is the status itself.
            doc.WorkStatuses.Add(kind is WorkStatusKind.NotDocumented || m.Value.StartsWith("not", StringComparison.OrdinalIgnoreCase)
                ? fact
                : doc.Asserted(fact));
        }
    }
}
