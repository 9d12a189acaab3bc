using System.Text.RegularExpressions;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>Surgery: MTUS ACOEM, Surgical Considerations of each chapter (general criteria).</summary>
public static partial class Surgery
{
    private const string Source = "MTUS ACOEM (Low Back, Neck and Upper Back, Shoulder, Knee Complaints 2004), Surgical Considerations";

    public static Policy Policy { get; } = new(
        "surgery",
        ["surgery"],
        Policy.Mtus("Low Back Complaints", 2004, "Surgical Considerations"),
        EvidenceLevel.Mtus,
        "recommend surgical consideration for patients with activity limitation for more than a few months, failure of exercise and conservative programs to improve function, and clear clinical and imaging evidence of a lesion that has been shown to benefit from surgical repair",
        [
            new("surgery.failed-conservative-care",
                "Failure of conservative care (therapy, medication, injections) to improve symptoms and function; for a rotator cuff repair, a full-thickness tear with weakness suffices",
                Source + "; Shoulder Complaints 2004, Surgical Considerations (pages 209-211): rotator cuff repair is indicated for significant tears that impair activities by causing weakness of arm elevation or rotation, particularly acutely in younger workers; partial-thickness and small tears presenting as impingement after 3 months of conservative care",
                true,
                c => RotatorCuffRepair().IsMatch(c.Treatment) && Find.Phrase(c.Record, FullThicknessTear()) is { Status: CriterionStatus.Met } tear
                        && Checks.NeurologicalDeficit(c).Status == CriterionStatus.Met
                    ? tear
                    : Checks.FailedConservativeCare(c)),
            new("surgery.imaging-lesion", "Clear imaging evidence of a lesion shown to benefit from surgical repair", Source, true,
                c => Find.Facts(c.Record.ImagingStudies, s => s.Finding is not null && s.Assertion != Clinical.Assertion.Hypothetical)),
            new("surgery.clinical-correlation", "Clinical findings that correlate with the imaging (objective examination findings)", Source, true,
                c => Find.AnyOf(Checks.NeurologicalDeficit(c), Find.Facts(c.Record.ExamTests))),
        ],
        Cites: c => Chapters.Cite(c, "Surgical Considerations"));

    [GeneratedRegex(@"rotator cuff repair|\bRCR\b|cuff repair", RegexOptions.IgnoreCase)]
    private static partial Regex RotatorCuffRepair();

    [GeneratedRegex(@"full[- ]thickness (?:\w+ ){0,3}tear|complete (?:rotator cuff |supraspinatus )?tear|retracted", RegexOptions.IgnoreCase)]
    private static partial Regex FullThicknessTear();
}
