using System.Text.RegularExpressions;
using Imr.Letters.Citations;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>
/// Inpatient (acute or subacute) rehabilitation and skilled nursing facility stays. The MTUS does not address them;
/// ODG Knee &amp; Leg and Hip &amp; Pelvis, Skilled nursing facility (SNF) care, recommend a stay after hospitalization for
/// major or multiple trauma or major surgery when significant new functional limitations (unable to walk more than a
/// short distance or to perform activities of daily living) need daily skilled rehabilitation that a lower level of
/// care cannot provide; a longer stay needs documented progress toward its goals.
/// </summary>
public static partial class InpatientRehabilitation
{
    private const string Source = "ODG Knee & Leg and Hip & Pelvis, Skilled nursing facility (SNF) care (criteria for admission and continued stay)";

    public static Policy Policy { get; } = new(
        "inpatient-rehabilitation",
        ["programs"],
        Policy.NonMtus(NonMtusSource.Odg, "Official Disability Guidelines (ODG) Knee & Leg, Skilled nursing facility (SNF) care"),
        EvidenceLevel.PeerReviewed,
        "recommend inpatient skilled rehabilitation after hospitalization for major or multiple trauma or major surgery when the patient has significant new functional limitations, such as an inability to ambulate or to perform activities of daily living, that require daily skilled rehabilitation which cannot be provided at a lower level of care; a continued stay requires documented progress toward the treatment goals",
        [
            new("inpatient-rehabilitation.major-injury", "Major or multiple trauma (a fracture, a crush injury) or major surgery (joint replacement, spinal surgery, fracture fixation)", Source, true,
                c => Find.Phrase(c.Record, MajorInjury())),
            new("inpatient-rehabilitation.functional-limitation", "Significant new functional limitations: unable to walk more than a short distance, non-weight-bearing, or dependent in activities of daily living", Source, true,
                c => Find.Phrase(c.Record, FunctionalLimitation())),
            new("inpatient-rehabilitation.progress", "For an extension or the remainder after an authorized stay, documented progress toward the goals of the stay", Source, true,
                c => Extension().IsMatch(c.Treatment) ? Checks.FunctionalImprovement(c) : CriterionOutcome.NotApplicable),
        ],
        Checks.Names(Inpatient()));

    [GeneratedRegex(@"inpatient rehab\w*|acute rehab\w*|subacute rehab\w*|rehabilitation (?:unit|facility|hospital)|skilled nursing|\bSNF\b", RegexOptions.IgnoreCase)]
    private static partial Regex Inpatient();

    [GeneratedRegex(@"\bfractures?\b|fractured|crush injur\w*|polytrauma|multiple trauma|major trauma|amputation|(?:total|partial) (?:knee|hip|shoulder) (?:replacement|arthroplasty)|\b(?:TKA|THA|TKR|THR)\b|fusion|open reduction|\bORIF\b|spinal cord injur\w*|traumatic brain injur\w*", RegexOptions.IgnoreCase)]
    private static partial Regex MajorInjury();

    [GeneratedRegex(@"non-?weight[- ]bearing|unable to (?:walk|ambulate|bear weight|stand|perform (?:his|her|their)? ?(?:activities of daily living|ADLs?)|care for (?:himself|herself))|(?:cannot|could not|can't) (?:walk|ambulate|bear weight)|wheelchair[- ]bound|(?:requires?|needs?|dependent (?:on|for)) (?:\w+ ){0,2}(?:assistance|help) (?:with|for) (?:\w+ ){0,3}(?:ADLs?|activities of daily living|ambulation|transfers|self-care|bathing|toileting)|dependent (?:in|for|with) (?:ADLs?|activities of daily living|transfers|self-care)|limited ambulation", RegexOptions.IgnoreCase)]
    private static partial Regex FunctionalLimitation();

    [GeneratedRegex(@"\bremaining\b|remainder|extension|additional|continued stay|further", RegexOptions.IgnoreCase)]
    private static partial Regex Extension();
}
