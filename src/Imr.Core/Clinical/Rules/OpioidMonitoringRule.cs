using System.Text.RegularExpressions;

namespace Imr.Clinical.Rules;

/// <summary>Opioid monitoring (urine drug screens and their results, CURES, agreements, risk tools) and aberrant behaviour.</summary>
internal static partial class OpioidMonitoringRule
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const string MonitorHead = @"\b(?:";
    private const string MonitorTail = @")\b";
    private const string MonitorUds = @"(?<uds>urine\s+(?:drug|tox(?:icology)?)(?:\s+(?:screens?|screenings?|tests?|testing|panels?|results?|reports?))?|urine\s+toxicology|(?-i:UDS|UDT|UTOX)s?|drug\s+(?:screens?|screening|testing|tests?)|toxicology\s+(?:screens?|screening|testing|reports?|results?))";
    private const string MonitorCures = @"(?<cures>(?-i:CURES)(?:\s+(?:reports?|reviews?|database|checks?|query|search))?|(?-i:PDMP|PMP)|prescription\s+(?:drug\s+)?monitoring(?:\s+program)?)";
    private const string MonitorAgreement = @"(?<agreement>(?:opioid|narcotic|pain|medication|controlled\s+substance)\s+(?:treatment\s+|management\s+)?(?:agreements?|contracts?))";
    private const string MonitorRisk = @"(?<risk>opioid\s+risk\s+(?:tool|assessment|screening)|(?-i:ORT|SOAPP(?:-R)?|COMM)\b|risk\s+assessment\s+for\s+(?:opioid|addiction|abuse)\w*)";
    private const string MonitorsPattern =
        MonitorHead + MonitorUds + "|" + MonitorCures + "|" + MonitorAgreement + "|" + MonitorRisk + MonitorTail;

    [GeneratedRegex(@"\G(?:" + MonitorHead + MonitorUds + MonitorTail + ")", Options)]
    private static partial Regex MonitoringRegexUds();

    [GeneratedRegex(@"\G(?:" + MonitorHead + MonitorCures + MonitorTail + ")", Options)]
    private static partial Regex MonitoringRegexCures();

    [GeneratedRegex(@"\G(?:" + MonitorHead + MonitorAgreement + MonitorTail + ")", Options)]
    private static partial Regex MonitoringRegexAgreement();

    [GeneratedRegex(@"\G(?:" + MonitorHead + MonitorRisk + MonitorTail + ")", Options)]
    private static partial Regex MonitoringRegexRisk();

    internal static readonly AnchoredPattern Monitors = new("opioid monitoring", [MonitoringRegexUds, MonitoringRegexCures, MonitoringRegexAgreement, MonitoringRegexRisk], MonitorsPattern, Options, atNumbers: false,
        "urine uds udss udt udts utox drug toxicology cures pdmp pmp prescription opioid narcotic pain medication controlled ort soapp comm risk");

    // The result after the test, in its clause. Inconsistency first: "not consistent" is not "consistent".
    [GeneratedRegex(@"\b(?:(?<inc>inconsistent|not\s+consistent|unexpected|aberrant|non-?prescribed|illicit|positive\s+for\s+(?:marijuana|cannabis|THC|cocaine|methamphetamine|amphetamines?|heroin|alcohol|non-?prescribed\s+\w+))|(?<con>consistent|appropriate|as\s+expected|compliant|in\s+compliance)|(?<pos>positive(?:\s+for\s+[\w/-]+)?)|(?<neg>negative(?:\s+for\s+[\w/-]+)?))\b", Options)]
    private static partial Regex ResultRegex();

    private const string AberrationsPattern =
        @"\b(?:"
        + @"aberrant(?:\s+(?:drug[- ](?:related|seeking|taking)\s+)?behaviou?rs?)?"
        + @"|drug[- ]seeking(?:\s+behaviou?rs?)?|early\s+refills?|(?:lost|stolen)\s+(?:prescriptions?|medications?|scripts?|pills)"
        + @"|doctor\s+shopping|multiple\s+prescribers|diversion|diverting"
        + @"|(?:drug|substance|opioid|narcotic|medication|alcohol|prescription)\s+(?:abuse|misuse|dependence|use\s+disorders?|addiction)"
        + @"|misuse|abuse|addiction|overuse|over-use|escalat(?:ing|ion\s+of)\s+(?:doses?|use)"
        + @")\b";

    [GeneratedRegex(@"\G(?:" + AberrationsPattern + ")", Options)]
    private static partial Regex AberrantRegex();

    internal static readonly AnchoredPattern Aberrations = new("aberrant behaviour", AberrantRegex, AberrationsPattern, Options, atNumbers: false,
        "aberrant drug early lost stolen doctor multiple diversion diverting substance opioid narcotic medication alcohol prescription misuse abuse addiction overuse over escalating escalation");

    public static AnchoredPattern[] Patterns => [Monitors, Aberrations];

    public static void Extract(Document doc)
    {
        var text = doc.Text;
        foreach (var m in doc.Matches(Monitors))
        {
            var kind = m.Groups["uds"].Success ? MonitoringKind.UrineDrugScreen
                : m.Groups["cures"].Success ? MonitoringKind.PrescriptionDatabase
                : m.Groups["agreement"].Success ? MonitoringKind.TreatmentAgreement
                : MonitoringKind.RiskAssessment;
            var end = m.Index + m.Length;
            var clause = doc.Clause(m.Index);
            var result = MonitoringResult.NotStated;
            Evidence? resultEvidence = null;
            var r = ResultRegex().Match(text, end, Math.Max(0, Math.Min(clause.End, end + 120) - end));
            if (r.Success)
            {
                result = r.Groups["inc"].Success ? MonitoringResult.Inconsistent
                    : r.Groups["con"].Success ? MonitoringResult.Consistent
                    : r.Groups["pos"].Success ? MonitoringResult.Positive
                    : MonitoringResult.Negative;
                resultEvidence = doc.Evidence(r.Index, r.Index + r.Length);
            }
            // "was negative for opioids" is the result, not a missing test: triggers after the test do not count.
            var (assertion, subject) = doc.Context.Assess(m.Index, end, ignore: TriggerType.Possible, triggersUntil: end);
            doc.OpioidMonitoring.Add(new OpioidMonitoring
            {
                Assertion = assertion,
                Subject = subject,
                Evidence = doc.Evidence(m.Index, end),
                Kind = kind,
                Result = result,
                ResultEvidence = resultEvidence,
            });
        }
        foreach (var m in doc.Matches(Aberrations))
        {
            doc.AberrantBehaviors.Add(doc.Asserted(new AberrantBehavior
            {
                Evidence = doc.Evidence(m.Index, m.Index + m.Length),
                Behavior = TextSplitter.Squash(m.Value.ToLowerInvariant(), " "),
            }));
        }
    }
}
