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
                "The number of visits requested is within the 9-10 visits the guideline allows (after surgery, within the initial course of the Postsurgical Treatment Guidelines, half the general course of the procedure: 4 after a carpal tunnel release, 6 after a meniscectomy, 8 after a discectomy, 17 after a lumbar fusion, 12 for most others)",
                Source + "; " + PostsurgicalSource, true,
                c => Find.RequestedCount(c.Treatment) is { } n
                    ? CriterionOutcome.When(n <= (PostOperative(c) ? InitialPostsurgicalCourse(c) : 10))
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

    private const string PostsurgicalSource = "MTUS Postsurgical Treatment Guidelines 2016, 9792.24.3 (initial course of therapy: one half of the general course of the procedure)";

    /// <summary>
    /// The initial course of post-operative therapy: one half of the general course the Postsurgical Treatment
    /// Guidelines (9792.24.3) give for the procedure named in the request or in the record's surgery: carpal tunnel
    /// release 3-8 visits, trigger finger 9, de Quervain's release 14, epicondylitis 12, meniscectomy 12, discectomy or
    /// laminectomy 16, lumbar fusion 34, cervical fusion 24; 24 (arthroscopic shoulder surgery, ligament reconstruction,
    /// arthroplasty) when no other is named.
    /// </summary>
    public static int InitialPostsurgicalCourse(CriterionContext c)
    {
        var surgeries = c.Record.Treatments.Where(t => t.Kind == TreatmentKind.Surgery && t.Subject == Subject.Patient)
            .Select(t => Checks.Sentence(c.Record.Text, t.Evidence));
        foreach (var text in (string[])[c.Treatment, .. surgeries])
            foreach (var (procedure, visits) in GeneralCourses)
                if (procedure.IsMatch(text))
                    return (visits + 1) / 2;
        return 12;
    }

    private static readonly (Regex Procedure, int Visits)[] GeneralCourses =
    [
        (CarpalTunnelRelease(), 8), (TriggerFinger(), 9), (DeQuervain(), 14), (Epicondylitis(), 12), (Meniscectomy(), 12),
        (CervicalFusion(), 24), (LumbarFusion(), 34), (Discectomy(), 16),
    ];

    [GeneratedRegex(@"cervical (?:\w+\s+){0,3}fusion|\bACDF\b|\bC\d-\d (?:\w+\s+){0,2}fusion", RegexOptions.IgnoreCase)]
    private static partial Regex CervicalFusion();

    [GeneratedRegex(@"carpal tunnel (?:release|surgery|decompression)|\bCTR\b", RegexOptions.IgnoreCase)]
    private static partial Regex CarpalTunnelRelease();

    [GeneratedRegex(@"trigger (?:finger|thumb) (?:release|surgery)|A1 pulley release", RegexOptions.IgnoreCase)]
    private static partial Regex TriggerFinger();

    [GeneratedRegex(@"de ?Quervain'?s? (?:release|surgery)|first dorsal compartment release", RegexOptions.IgnoreCase)]
    private static partial Regex DeQuervain();

    [GeneratedRegex(@"epicondyl\w* (?:release|debridement|surgery|repair)|(?:lateral|medial) epicondylectomy|tennis elbow (?:release|surgery)", RegexOptions.IgnoreCase)]
    private static partial Regex Epicondylitis();

    [GeneratedRegex(@"menisc\w*ectomy|menisc(?:us|al) (?:repair|debridement|surgery)|chondroplasty", RegexOptions.IgnoreCase)]
    private static partial Regex Meniscectomy();

    [GeneratedRegex(@"(?:lumbar|\bL\d(?:-\d|-S1)?|lumbosacral|interbody)\s+(?:\w+\s+){0,3}fusion|\b[TPAX]LIF\b", RegexOptions.IgnoreCase)]
    private static partial Regex LumbarFusion();

    [GeneratedRegex(@"(?:micro)?discectomy|laminectomy|laminotomy|hemilaminectomy|foraminotomy", RegexOptions.IgnoreCase)]
    private static partial Regex Discectomy();

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
