using Imr.Clinical;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>Opioids: MTUS Chronic Pain Medical Treatment Guidelines (2016), Opioids, criteria for use (the 4 A's).</summary>
public static class Opioids
{
    private const string Source = "MTUS Chronic Pain Medical Treatment 2016, Opioids, criteria for use (pages 76-80)";

    public static Policy Policy { get; } = new(
        "opioids",
        ["opioids"],
        Policy.Mtus("Chronic Pain Medical Treatment", 2016, "Opioids, criteria for use"),
        EvidenceLevel.Mtus,
        "recommend ongoing opioid management with documentation of pain relief, functional status, appropriate medication use and side effects (the 4 A's: analgesia, activities of daily living, adverse side effects and aberrant drug-taking behaviors), and discontinuation when there is no overall improvement in function",
        [
            new("opioids.analgesia", "Pain relief from the opioid (a decrease in pain scores or a percentage of relief)", Source, true,
                c => Find.AnyOf(Find.Facts(c.Record.Reliefs), Find.Facts(c.Record.PainScores, p => p.Evidence.Text.Contains("with", StringComparison.OrdinalIgnoreCase)))),
            new("opioids.function", "Objective functional improvement with the opioid (activities of daily living, work)", Source, true,
                Checks.FunctionalImprovement),
            new("opioids.monitoring", "Monitoring for appropriate use: urine drug screens, CURES, a pain agreement", Source, true,
                c => Find.Facts(c.Record.OpioidMonitoring, m => m.Result != MonitoringResult.Inconsistent)),
            new("opioids.no-aberrant-behavior", "No aberrant drug-taking behaviour or inconsistent drug screens", Source, true,
                c => Find.Absent(Find.AnyOf(Find.Facts(c.Record.AberrantBehaviors),
                    Find.Facts(c.Record.OpioidMonitoring, m => m.Result == MonitoringResult.Inconsistent)))),
        ]);
}
