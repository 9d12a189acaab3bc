using System.Text.RegularExpressions;
using Imr.Clinical;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>Facet joint injections and medial branch blocks: MTUS Low Back Complaints (2004) and Neck and Upper Back
/// Complaints (2004), and the CPMTG Facet blocks.</summary>
public static partial class FacetInjections
{
    private const string Source = "MTUS Low Back Complaints 2004, Summary (page 300); Neck and Upper Back Complaints 2004 (pages 174-175, 181); Chronic Pain Medical Treatment 2016, Facet blocks";

    public static Policy Policy { get; } = new(
        "facet-injections",
        ["facet-injections"],
        Policy.Mtus("Low Back Complaints", 2004, "Summary"),
        EvidenceLevel.Mtus,
        "state that invasive techniques such as facet joint injections are of questionable merit; diagnostic medial branch blocks are reserved for non-radicular facet-mediated pain after failure of conservative treatment, as a prelude to facet neurotomy, at no more than two levels",
        [
            new("facet-injections.non-radicular", "Non-radicular (axial) pain: no radiculopathy on examination", Source, true,
                c => Find.Absent(Checks.RadiculopathyOnExam(c))),
            new("facet-injections.facet-findings", "Findings of facet-mediated pain (paravertebral tenderness, pain on facet loading or extension-rotation)", Source, true,
                FacetFindings),
            new("facet-injections.failed-conservative-care", "Failure of conservative treatment (home exercise, physical therapy, NSAIDs) for at least 4 to 6 weeks", Source, true, Checks.FailedConservativeCare),
            new("facet-injections.levels", "No more than two levels injected at one session", Source, true,
                c => CriterionOutcome.When(Levels(c.Treatment) is not > 2)),
            new("facet-injections.no-prior-fusion", "No prior fusion at the level to be blocked", Source, true,
                c => Find.Absent(Find.Facts(c.Record.Treatments, t => t.Kind == TreatmentKind.Surgery && t.Evidence.Text.Contains("fusion", StringComparison.OrdinalIgnoreCase)))),
        ],
        Cites: c => Chapters.Cite(c, "Summary", Chapters.Cpmtg("Facet blocks")));

    /// <summary>Findings of facet-mediated pain on examination.</summary>
    public static CriterionOutcome FacetFindings(CriterionContext c) => Find.AnyOf(
        Find.Facts(c.Record.ExamTests, t => t.Name.Contains("facet", StringComparison.OrdinalIgnoreCase)
            || t.Name.Contains("extension", StringComparison.OrdinalIgnoreCase)),
        Find.Phrase(c.Record, FacetWords()));

    /// <summary>The number of spinal levels a request names ("C2-3, 3-4 and 4-5" is three; "L4-5 and L5-S1" two; "C3 and
    /// C4" two); null when it names none.</summary>
    public static int? Levels(string treatment)
    {
        var segments = Segment().Matches(treatment).Count;
        if (segments > 0) return segments;
        var single = SingleLevel().Matches(treatment).Count;
        return single > 0 ? single : null;
    }

    [GeneratedRegex(@"facet (?:loading|tenderness|pain|joint tenderness|arthropathy|syndrome|mediated)|tender\w* (?:\w+ ){0,3}facet|pain (?:on|with) (?:\w+ ){0,2}(?:extension|rotation)", RegexOptions.IgnoreCase)]
    private static partial Regex FacetWords();

    // "C4-5", "T3-T4", "L5-S1", "3-4" (a level in a list), "C5/6".
    [GeneratedRegex(@"\b[CTLS]?\d{1,2}\s*[-/]\s*[CTLS]?\d{1,2}\b", RegexOptions.IgnoreCase)]
    private static partial Regex Segment();

    [GeneratedRegex(@"\b[CTL]\d{1,2}\b")]
    private static partial Regex SingleLevel();
}
