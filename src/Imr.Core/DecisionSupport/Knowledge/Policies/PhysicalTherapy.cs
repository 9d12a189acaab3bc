using System.Text.RegularExpressions;
using Imr.Clinical;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>Physical therapy: MTUS Chronic Pain Medical Treatment Guidelines (2016), Physical medicine.</summary>
public static partial class PhysicalTherapy
{
    private const string Source = "MTUS Chronic Pain Medical Treatment 2016, Physical medicine (pages 98-99)";

    public static Policy Policy { get; } = new(
        "physical-therapy",
        ["physical-therapy"],
        Policy.Mtus("Chronic Pain Medical Treatment", 2016, "Physical medicine"),
        EvidenceLevel.Mtus,
        "recommend 9-10 visits over 8 weeks for myalgia and myositis, and 8-10 visits over 4 weeks for neuralgia, neuritis and radiculitis, with fading of treatment frequency and transition to a self-directed home exercise program; continued therapy requires documented objective functional improvement",
        [
            new("physical-therapy.active-therapy",
                "Active therapy, not a passive modality on its own (therapeutic ultrasound, electrical stimulation, laser, massage)",
                "MTUS Chronic Pain Medical Treatment 2016, Physical medicine; Ultrasound, therapeutic; Electrical stimulators (E-stim)", true,
                c => PassiveModality().IsMatch(c.Treatment) ? new CriterionOutcome(CriterionStatus.NotMet, []) : new CriterionOutcome(CriterionStatus.Met, [])),
            new("physical-therapy.within-guideline-visits",
                "The number of visits requested is within the 9-10 visits the guideline allows",
                Source, true,
                c => Find.RequestedCount(c.Treatment) is { } n
                    ? new CriterionOutcome(n <= 10 ? CriterionStatus.Met : CriterionStatus.NotMet, [])
                    : CriterionOutcome.NotDocumented),
            new("physical-therapy.prior-course-benefit",
                "No prior course of therapy for this condition, or objective functional improvement from the prior course",
                Source, true,
                c => Find.Prior(c.Record, TreatmentKind.PhysicalTherapy).ToList() is { Count: > 0 } prior
                    ? Find.AnyOf(
                        Find.Facts(prior, t => t.Outcome == TreatmentOutcome.Improved && t.Count is null or < 10),
                        Find.Absent(Find.Facts(prior)))
                    : new CriterionOutcome(CriterionStatus.Met, [])),
            new("physical-therapy.home-exercise",
                "A transition to a home exercise program is planned",
                Source, false,
                c => Find.Facts(c.Record.Treatments, t => t.Kind == TreatmentKind.HomeExercise)),
        ]);

    [GeneratedRegex(@"ultrasound|electrical (?:muscle )?stimulation|e-?stim|\bEMS\b|laser|massage|diathermy|iontophoresis|traction", RegexOptions.IgnoreCase)]
    private static partial Regex PassiveModality();
}
