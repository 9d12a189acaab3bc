using Imr.Clinical;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>Facet joint injections and medial branch blocks: MTUS Low Back Complaints (2004) and CPMTG Facet blocks.</summary>
public static class FacetInjections
{
    private const string Source = "MTUS Low Back Complaints 2004, Summary (page 300); Chronic Pain Medical Treatment 2016, Facet blocks";

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
                c => Find.Facts(c.Record.ExamTests, t => t.Name.Contains("facet", StringComparison.OrdinalIgnoreCase)
                    || t.Name.Contains("extension", StringComparison.OrdinalIgnoreCase))),
            new("facet-injections.failed-conservative-care", "Failure of conservative treatment (home exercise, physical therapy, NSAIDs) for at least 4 to 6 weeks", Source, true, Checks.FailedConservativeCare),
            new("facet-injections.no-prior-fusion", "No prior fusion at the level to be blocked", Source, true,
                c => Find.Absent(Find.Facts(c.Record.Treatments, t => t.Kind == TreatmentKind.Surgery && t.Evidence.Text.Contains("fusion", StringComparison.OrdinalIgnoreCase)))),
        ]);
}
