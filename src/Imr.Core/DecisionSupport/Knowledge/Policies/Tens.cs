using System.Text.RegularExpressions;
using Imr.Clinical;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>TENS units: MTUS CPMTG (2016), TENS, chronic pain.</summary>
public static partial class Tens
{
    private const string Source = "MTUS Chronic Pain Medical Treatment 2016, TENS, chronic pain (pages 114-116)";

    public static Policy Policy { get; } = new(
        "tens",
        ["durable-medical-equipment"],
        Policy.Mtus("Chronic Pain Medical Treatment", 2016, "TENS, chronic pain (transcutaneous electrical nerve stimulation)"),
        EvidenceLevel.Mtus,
        "do not recommend TENS as a primary treatment modality, but a one-month home-based trial may be considered as an adjunct to a program of evidence-based functional restoration for neuropathic pain, CRPS, phantom limb pain, spasticity or multiple sclerosis; purchase requires documentation of a successful trial with pain relief and function",
        [
            new("tens.indication", "A condition TENS is recommended for (neuropathic pain, CRPS, phantom limb pain, spasticity, multiple sclerosis)", Source, true,
                c => Find.Phrase(c.Record, Indication())),
            new("tens.trial-or-success", "A one-month trial with documented functional goals, or, for purchase, a successful trial with pain relief and function",
                Source, true,
                c => Purchase().IsMatch(c.Treatment) || !Trial().IsMatch(c.Treatment)
                    ? Find.AnyOf(Find.Facts(c.Record.Treatments, t => t.Kind == TreatmentKind.Tens && t.Outcome == TreatmentOutcome.Improved))
                    : new CriterionOutcome(CriterionStatus.Met, [])),
            new("tens.adjunct", "Used as an adjunct to a program of functional restoration (exercise)", Source, true,
                c => Find.Facts(c.Record.Treatments, t => t.Kind is TreatmentKind.HomeExercise or TreatmentKind.PhysicalTherapy or TreatmentKind.FunctionalRestoration)),
        ],
        Checks.Names(Device()));

    /// <summary>Words naming a TENS unit.</summary>
    [GeneratedRegex(@"TENS|transcutaneous", RegexOptions.IgnoreCase)]
    internal static partial Regex Device();

    [GeneratedRegex(@"purchase|buy", RegexOptions.IgnoreCase)]
    private static partial Regex Purchase();

    [GeneratedRegex(@"trial|rental|rent|\b30[- ]day|one[- ]month|1[- ]month", RegexOptions.IgnoreCase)]
    private static partial Regex Trial();

    [GeneratedRegex(@"neuropath\w+|CRPS|complex regional pain|reflex sympathetic|phantom limb|spasticity|multiple sclerosis", RegexOptions.IgnoreCase)]
    private static partial Regex Indication();
}
