using System.Text.RegularExpressions;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>Imaging of the shoulder: MTUS ACOEM Shoulder Complaints (2004), Special Studies.</summary>
public static partial class ImagingShoulder
{
    private const string Source = "MTUS Shoulder Complaints 2004, Special Studies and Diagnostic Considerations";

    public static Policy Policy { get; } = new(
        "imaging-shoulder",
        ["imaging"],
        Policy.Mtus("Shoulder Complaints", 2004, "Special Studies", "Summary"),
        EvidenceLevel.Mtus,
        "state that imaging is indicated for the emergence of a red flag, physiologic evidence of tissue insult or neurovascular dysfunction, failure to progress in a strengthening program intended to avoid surgery, or clarification of the anatomy prior to an invasive procedure such as a full-thickness rotator cuff tear not responding to conservative treatment",
        [
            new("imaging-shoulder.suspected-lesion",
                "A red flag, or a suspected tear or internal derangement (rotator cuff or labral tear, instability) on examination",
                Source, false,
                c => Find.AnyOf(Checks.RedFlags(c), Find.Phrase(c.Record, Lesion()))),
            new("imaging-shoulder.failed-conservative-care",
                "A red flag, or failure to progress after conservative care (therapy, medication) for 4 to 6 weeks",
                Source, true, c => Checks.RedFlags(c) is { Status: CriterionStatus.Met } redFlags ? redFlags
                    : Checks.ObservationPending(c) ?? Checks.FailedConservativeCare(c)),
            new("imaging-shoulder.no-recent-study",
                "No prior study of the region, or a significant change in symptoms or findings since it",
                Source, true,
                c => Find.Absent(ImagingSpine.PriorStudy(c))),
            new("imaging-shoulder.surgery-considered", "A planned invasive procedure or surgery the study would guide", Source, false, Checks.SurgeryConsidered),
        ],
        c => c.BodyRegion?.Id is "shoulder");

    // The provocative tests of the chapter's examination (Table 9-1 and 9-6): a positive one, alone or in a list
    // ("positive Speed's, Yergason's and O'Brien's tests"), is physiologic evidence of a lesion.
    [GeneratedRegex(@"(?:suspect|concern|possible|rule out|r/o|suspicious)\w*[^.]{0,40}(?:tear|derangement|instability|labral|SLAP)|positive (?:[\w']+,? (?:and )?){0,3}?(?:drop arm|O'?Brien|apprehension|relocation|Hawkins|Neer|empty can|Jobe|Speed|Yergason|lift[- ]off|belly press|crank|impingement)", RegexOptions.IgnoreCase)]
    private static partial Regex Lesion();
}
