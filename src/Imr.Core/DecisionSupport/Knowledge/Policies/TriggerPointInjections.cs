using System.Text.RegularExpressions;
using Imr.Clinical;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>Trigger point injections: MTUS CPMTG (2016), Trigger point injections (page 122).</summary>
public static partial class TriggerPointInjections
{
    private const string Source = "MTUS Chronic Pain Medical Treatment 2016, Trigger point injections (page 122)";

    public static Policy Policy { get; } = new(
        "trigger-point-injections",
        ["trigger-point-injections"],
        Chapters.Cpmtg("Trigger point injections"),
        EvidenceLevel.Mtus,
        "recommend trigger point injections only for myofascial pain syndrome with documentation of circumscribed trigger points with evidence upon palpation of a twitch response as well as referred pain, symptoms persisting more than three months, failure of medical management (stretching, physical therapy, NSAIDs, muscle relaxants), and no radiculopathy; repeat injections require more than 50% relief for six weeks with functional improvement",
        [
            new("trigger-point-injections.trigger-points", "Circumscribed trigger points with a twitch response and referred pain on palpation", Source, true,
                c => Find.Phrase(c.Record, TwitchResponse())),
            new("trigger-point-injections.failed-medical-management", "Failure of medical management (stretching, physical therapy, NSAIDs, muscle relaxants)", Source, true, Checks.FailedConservativeCare),
            new("trigger-point-injections.no-radiculopathy", "No radiculopathy on examination, imaging or electrodiagnostic testing", Source, true,
                c => Find.Absent(Checks.RadiculopathyOnExam(c))),
            new("trigger-point-injections.repeat-response", "A first injection, or for a repeat one more than 50% relief for six weeks with functional improvement", Source, true,
                c => Find.Prior(c.Record, TreatmentKind.TriggerPointInjection).Any()
                    ? Find.Facts(c.Record.Reliefs, r => r.Percent is { Low: > 50 } && r.Duration is null or { MaxDays: >= 42 })
                    : CriterionOutcome.NotApplicable),
        ]);

    [GeneratedRegex(@"twitch response|taut band|referred pain (?:on|with|upon) palpation|jump sign", RegexOptions.IgnoreCase)]
    private static partial Regex TwitchResponse();
}
