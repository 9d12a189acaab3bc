using System.Text.RegularExpressions;
using Imr.Clinical;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>Urine drug testing: MTUS CPMTG (2016), Drug testing (page 43) and Opioids, steps to avoid misuse/addiction
/// (page 94); MTUS Opioids Treatment Guidelines (2016), section 3 (monitoring of chronic opioid treatment).</summary>
public static partial class UrineDrugTesting
{
    private const string Source = "MTUS Chronic Pain Medical Treatment 2016, Drug testing (page 43); Opioids, steps to avoid misuse/addiction (page 94); MTUS Opioids Treatment Guidelines 2016, section 3";

    public static Policy Policy { get; } = new(
        "urine-drug-testing",
        ["laboratory"],
        Chapters.Cpmtg("Drug testing"),
        EvidenceLevel.Mtus,
        "recommend urine drug testing as an option to assess for the use or presence of illegal drugs and to monitor patients on opioids, with frequent random testing for patients at high risk of abuse or with issues of abuse, addiction or poor pain control; testing is not needed for patients not taking opioids or other controlled substances",
        [
            new("urine-drug-testing.controlled-substance", "Current opioid or other controlled-substance therapy to monitor", Source, true,
                c => Find.Facts(c.Record.Medications, m => m.Class is DrugClass.Opioid or DrugClass.Benzodiazepine && m.Assertion is Assertion.Present)),
            new("urine-drug-testing.frequency", "Testing at a frequency matched to risk: no recent consistent test for a patient at low risk", Source, true,
                c => Find.AnyOf(Find.Facts(c.Record.AberrantBehaviors),
                    Find.Facts(c.Record.OpioidMonitoring, m => m.Result == MonitoringResult.Inconsistent),
                    Find.Absent(Find.Facts(c.Record.OpioidMonitoring, m => m.Kind == MonitoringKind.UrineDrugScreen && m.Result == MonitoringResult.Consistent)))),
        ],
        Checks.Names(DrugTest()),
        c => [Chapters.Cpmtg("Drug testing"), Policy.Mtus("Opioid Treatment", 2016, "3")]);

    [GeneratedRegex(@"urine|drug (?:screen|test)|toxicolog|\bUDS\b|\bUDT\b", RegexOptions.IgnoreCase)]
    private static partial Regex DrugTest();
}
