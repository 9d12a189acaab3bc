using System.Text.RegularExpressions;
using Imr.Clinical;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>
/// Opioids: MTUS Opioids Treatment Guidelines (2016) and Chronic Pain Medical Treatment Guidelines (2016), Opioids,
/// criteria for use (the 4 A's). The Opioids Treatment Guidelines are organised by phase: section 1 acute pain (up to
/// four weeks after injury), section 2 subacute pain (one to three months), section 3 chronic pain and chronic opioid
/// treatment, in numbered subsections (1.3 severe acute injuries; 3.3 initiating and monitoring, 3.3.9 maintenance of
/// chronic opioid treatment; 4 tapering); reviewers cite the subsection of the phase and situation, by number and title.
/// </summary>
public static partial class Opioids
{
    private const string Source = "MTUS Chronic Pain Medical Treatment 2016, Opioids, criteria for use (pages 76-80); MTUS Opioids Treatment Guidelines 2016, 3.3 (initiating and monitoring) and 3.3.9 (maintenance of chronic opioid treatment)";
    private const string AcuteSource = Source + "; MTUS Opioids Treatment Guidelines 2016, section 1.3 (severe acute injuries: fractures, crush injuries, major trauma) and 1.4 (post-operative pain)";

    public static Policy Policy { get; } = new(
        "opioids",
        ["opioids"],
        Policy.Mtus("Opioid Treatment", 2016, Maintenance),
        EvidenceLevel.Mtus,
        "recommend ongoing opioid management with documentation of pain relief, functional status, appropriate medication use and side effects (the 4 A's: analgesia, activities of daily living, adverse side effects and aberrant drug-taking behaviors), and discontinuation when there is no overall improvement in function; short-term opioids are supported for severe acute injuries and after surgery",
        [
            new("opioids.analgesia", "Pain relief from the opioid (a decrease in pain scores or a percentage of relief), unless in the acute phase of a severe injury", AcuteSource, true,
                c => SevereAcute(c) ?? Find.AnyOf(Find.Facts(c.Record.Reliefs), Find.Facts(c.Record.PainScores, p => p.Evidence.Text.Contains("with", StringComparison.OrdinalIgnoreCase)))),
            new("opioids.function", "Objective functional improvement with the opioid (activities of daily living, work), unless in the acute phase of a severe injury", AcuteSource, true,
                c => SevereAcute(c) ?? Checks.FunctionalImprovement(c)),
            new("opioids.monitoring", "Monitoring for appropriate use: urine drug screens, CURES, a pain agreement (from the subacute phase on)", AcuteSource, true,
                c => SevereAcute(c) ?? Find.Facts(c.Record.OpioidMonitoring, m => m.Result != MonitoringResult.Inconsistent)),
            new("opioids.no-aberrant-behavior", "No aberrant drug-taking behaviour or inconsistent drug screens", Source, true,
                c => Find.Absent(Find.AnyOf(Find.Facts(c.Record.AberrantBehaviors),
                    Find.Facts(c.Record.OpioidMonitoring, m => m.Result == MonitoringResult.Inconsistent)))),
        ],
        Cites: c => [Policy.Mtus("Opioid Treatment", 2016, Phase(c)), Chapters.Cpmtg("Opioids, criteria for use")]);

    // The guideline's own numbering and titles, as the letters cite them.
    private const string Acute = "1. Opioids for Acute Pain";
    private const string SevereAcuteInjuries = "1.3 Opioids for Acute Pain: Severe Acute Injuries";
    private const string Subacute = "2. Opioids for Subacute Pain";
    private const string Initiating = "3.3 Opioids for Chronic Pain and Chronic Opioid Treatment: Initiating and Monitoring Chronic Opioid Treatment";
    private const string Maintenance = "3.3.9 Opioids for Chronic Pain and Chronic Opioid Treatment: Maintenance of Chronic Opioid Treatment";

    /// <summary>The subsection of the Opioids Treatment Guidelines for the phase and situation: section 1 in the acute
    /// phase (under 4 weeks after the injury; 1.3 for a severe injury or surgery); after it, continuing opioids already
    /// taken is maintenance of chronic opioid treatment (3.3.9), whatever the phase, as the disputes after the first weeks
    /// are over continuing them; starting them is section 2 in the subacute phase (under 13 weeks) and 3.3 (initiating
    /// chronic opioid treatment) after it, or when the date of injury is unknown.</summary>
    public static string Phase(CriterionContext c) =>
        c.WeeksSinceInjury is < 4 ? (Find.Phrase(c.Record, SevereInjury()).Status == CriterionStatus.Met ? SevereAcuteInjuries : Acute)
        : Checks.Taking(c, DrugClass.Opioid) ? Maintenance
        : c.WeeksSinceInjury is < 13 ? Subacute
        : Initiating;

    /// <summary>Met (with its words) within three months of a severe injury (fracture, surgery, major trauma) when the
    /// opioid is for that injury: the Opioids Treatment Guidelines support short-term use there; null otherwise.</summary>
    private static CriterionOutcome? SevereAcute(CriterionContext c)
    {
        if (c.WeeksSinceInjury is not < 13) return null;
        var severe = Find.Phrase(c.Record, SevereInjury());
        return severe.Status == CriterionStatus.Met ? severe : null;
    }

    [GeneratedRegex(@"\bfractures?\b|fractured|crush injur\w*|major trauma|polytrauma|dislocation|(?:post-?operative|postoperative|after surgery|status post surgery)", RegexOptions.IgnoreCase)]
    private static partial Regex SevereInjury();
}
