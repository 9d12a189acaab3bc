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
        Chapters.Cpmtg("Physical medicine treatment"),
        EvidenceLevel.Mtus,
        "recommend 9-10 visits over 8 weeks for myalgia and myositis, and 8-10 visits over 4 weeks for neuralgia, neuritis and radiculitis, with fading of treatment frequency and transition to a self-directed home exercise program; continued therapy requires documented objective functional improvement",
        [
            new("physical-therapy.beyond-authorized-trial",
                "When part of the request was already authorized as a trial, objective functional improvement from that trial before more visits",
                Source, true, c => Checks.BeyondAuthorizedTrial(c, TreatmentKind.PhysicalTherapy, TreatmentKind.OccupationalTherapy)),
            new("physical-therapy.active-therapy",
                "Active therapy, not a passive modality on its own (therapeutic ultrasound, electrical stimulation, laser, massage)",
                "MTUS Chronic Pain Medical Treatment 2016, Physical medicine; Ultrasound, therapeutic; Electrical stimulators (E-stim)", true,
                c => PassiveModality().IsMatch(c.Treatment) ? new CriterionOutcome(CriterionStatus.NotMet, []) : new CriterionOutcome(CriterionStatus.Met, [])),
            new("physical-therapy.within-guideline-visits",
                "The number of visits requested is within the 9-10 visits the guideline allows (after surgery, within the initial course of the Postsurgical Treatment Guidelines, half the general course: 12 visits for the common procedures)",
                Source + "; " + PostsurgicalSource, true,
                c => Find.RequestedCount(c.Treatment) is { } n
                    ? CriterionOutcome.When(n <= (PostOperative(c) ? 12 : 10))
                    : CriterionOutcome.NotDocumented),
            new("physical-therapy.surgery-necessary",
                "For post-operative therapy, the surgery it follows is medically necessary",
                PostsurgicalSource, true,
                c => PostOperative(c) ? Dependencies.FromPrimary(c) ?? CriterionOutcome.NotApplicable : CriterionOutcome.NotApplicable),
            new("physical-therapy.prior-course-benefit",
                "No prior course of therapy for this condition, or objective functional improvement from the prior course with the visits completed documented, so that the total stays within the guideline's 9-10",
                Source, true,
                c => PostOperative(c) ? CriterionOutcome.NotApplicable : Find.Prior(c.Record, TreatmentKind.PhysicalTherapy).ToList() is { Count: > 0 } prior
                    ? Find.AnyOf(
                        Find.Facts(prior, t => t.Outcome == TreatmentOutcome.Improved && t.Count is { } done && done + (Find.RequestedCount(c.Treatment) ?? 0) <= 10),
                        Find.Absent(Find.Facts(prior)))
                    : CriterionOutcome.NotApplicable),
            new("physical-therapy.home-exercise",
                "A transition to a home exercise program is planned",
                Source, false,
                c => Find.Facts(c.Record.Treatments, t => t.Kind == TreatmentKind.HomeExercise)),
        ],
        Cites: c => PostOperative(c) && PostsurgicalSection(c.Classification.BodyRegion?.Id) is { } section
            ? [Policy.Mtus("Postsurgical Treatment", 2016, section), Chapters.Cpmtg("Physical medicine treatment")]
            : [Chapters.Cpmtg("Physical medicine treatment")]);

    private const string PostsurgicalSource = "MTUS Postsurgical Treatment Guidelines 2016, 9792.24.3 (initial course of therapy: one half of the general course)";

    /// <summary>Whether the therapy requested follows a surgery.</summary>
    public static bool PostOperative(CriterionContext c) => Dependencies.PostOperative().IsMatch(c.Treatment);

    private static string? PostsurgicalSection(string? region) => region switch
    {
        "shoulder" => "Shoulder",
        "knee" => "Knee",
        "lumbar" or "spine" => "Low Back",
        "cervical" or "thoracic" => "Neck & Upper Back",
        "wrist-hand" => "Forearm, Wrist, & Hand",
        "elbow" => "Elbow & Upper Arm",
        "ankle-foot" => "Ankle & Foot",
        "hip" => "Hip, Pelvis and Thigh (femur)",
        _ => null,
    };

    [GeneratedRegex(@"ultrasound|electrical (?:muscle )?stimulation|e-?stim|\bEMS\b|laser|massage|diathermy|iontophoresis|traction", RegexOptions.IgnoreCase)]
    private static partial Regex PassiveModality();
}
