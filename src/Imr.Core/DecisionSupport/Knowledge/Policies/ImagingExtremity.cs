using System.Text.RegularExpressions;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>
/// Imaging of the elbow, forearm, wrist and hand, ankle and foot, and hip: MTUS ACOEM Elbow Complaints (2007),
/// Forearm, Wrist, and Hand Complaints (2004) and Ankle and Foot Complaints (2004), Special Studies; the hip has no
/// MTUS chapter and its criteria are ODG Hip &amp; Pelvis, MRI and X-ray, to the same effect.
/// </summary>
public static partial class ImagingExtremity
{
    private const string Source = "MTUS Elbow Complaints 2007, Forearm, Wrist, and Hand Complaints 2004 and Ankle and Foot Complaints 2004, Special Studies; ODG Hip & Pelvis, MRI";

    public static Policy Policy { get; } = new(
        "imaging-extremity",
        ["imaging"],
        Policy.Mtus("Forearm, Wrist, and Hand Complaints", 2004, "Special Studies"),
        EvidenceLevel.Mtus,
        "state that for most patients special studies are not needed until after a period of conservative care and observation; imaging is indicated for red flags (fracture, tumour, infection), for a suspected lesion not shown on plain films, or when symptoms fail to improve after four to six weeks of conservative care",
        [
            new("imaging-extremity.suspected-lesion",
                "A red flag or a suspected lesion (occult fracture, tear, osteonecrosis, tumour) on examination",
                Source, false,
                c => Find.AnyOf(Checks.RedFlags(c), Find.Phrase(c.Record, Lesion()))),
            new("imaging-extremity.failed-conservative-care",
                "A red flag, or failure to improve after 4 to 6 weeks of conservative care",
                Source, true, c => Checks.RedFlags(c) is { Status: CriterionStatus.Met } redFlags ? redFlags
                    : Checks.ObservationPending(c) ?? Checks.FailedConservativeCare(c)),
            new("imaging-extremity.no-recent-study",
                "No prior study of the region, or a significant change in symptoms or findings since it",
                Source, true, c => Find.Absent(ImagingSpine.PriorStudy(c))),
        ],
        c => c.BodyRegion?.Id is "elbow" or "wrist-hand" or "ankle-foot" or "hip",
        c => Chapters.Cite(c, ["Special Studies", "Summary"]));

    [GeneratedRegex(@"(?:suspect|concern|possible|rule out|r/o|suspicious)\w*[^.]{0,40}(?:fracture|tear|osteonecrosis|avascular|tumou?r|ligament|tendon)|occult fracture|snuffbox", RegexOptions.IgnoreCase)]
    private static partial Regex Lesion();
}
