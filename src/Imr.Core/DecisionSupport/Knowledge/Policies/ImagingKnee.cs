using System.Text.RegularExpressions;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>Imaging of the knee: MTUS ACOEM Knee Complaints (2004), Special Studies.</summary>
public static partial class ImagingKnee
{
    private const string Source = "MTUS Knee Complaints 2004, Special Studies and Diagnostic Considerations";

    public static Policy Policy { get; } = new(
        "imaging-knee",
        ["imaging"],
        Policy.Mtus("Knee Complaints", 2004, "Special Studies", "Summary"),
        EvidenceLevel.Mtus,
        "state that special studies are not needed to evaluate most knee complaints until after a period of conservative care and observation; MRI can confirm a suspected meniscus tear or ligament injury when the history and examination suggest internal derangement",
        [
            new("imaging-knee.suspected-derangement",
                "A red flag, or a suspected meniscal or ligament tear (internal derangement) on examination: locking, giving way, a positive McMurray, Lachman or drawer test",
                Source, true,
                c => Find.AnyOf(Checks.RedFlags(c), Find.Phrase(c.Record, Derangement()))),
            new("imaging-knee.failed-conservative-care",
                "Failure to progress after a period of conservative care and observation, or findings of acute internal derangement (effusion, inability to bear weight, locking)",
                Source, true, c => Find.AnyOf(Checks.RedFlags(c), Find.Phrase(c.Record, AcuteDerangement())) is { Status: CriterionStatus.Met } acute ? acute
                    : Checks.ObservationPending(c) ?? Checks.FailedConservativeCare(c)),
            new("imaging-knee.no-recent-study",
                "No prior study of the knee, or a significant change in symptoms or findings since it",
                Source, true, c => Find.Absent(ImagingSpine.PriorStudy(c))),
        ],
        c => c.BodyRegion?.Id is "knee");

    [GeneratedRegex(@"unable to bear weight|inability to bear weight|(?:joint )?effusion|locking|hemarthrosis", RegexOptions.IgnoreCase)]
    private static partial Regex AcuteDerangement();

    // Besides the signs and a stated suspicion, the treating physician's diagnosis of a tear or derangement (Table 13-2:
    // the history and examination suggest it), which the study would confirm: "medial meniscus tear" among the diagnoses.
    [GeneratedRegex(@"locking|giving way|gives way|buckling|instability|positive (?:McMurray|Lachman|anterior drawer|posterior drawer|pivot shift|Apley|Thessaly)|(?:suspect|concern|possible|rule out|r/o)\w*[^.]{0,30}(?:meniscus|meniscal|ligament|ACL|internal derangement)|(?:menisc(?:us|al)|cruciate|collateral ligament|\b[AP]CL\b|\b[ML]CL\b) (?:\w+ )?tear|internal derangement", RegexOptions.IgnoreCase)]
    private static partial Regex Derangement();
}
