using Imr.Clinical;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>Radiofrequency neurotomy (ablation): MTUS Low Back Complaints (2004), Summary, and CPMTG.</summary>
public static class RadiofrequencyNeurotomy
{
    private const string Source = "MTUS Low Back Complaints 2004, Summary (page 300); Neck and Upper Back Complaints 2004 (page 174)";

    public static Policy Policy { get; } = new(
        "radiofrequency-ablation",
        ["radiofrequency-ablation"],
        Policy.Mtus("Low Back Complaints", 2004, "Summary"),
        EvidenceLevel.Mtus,
        "state that facet neurotomies should be performed only after appropriate investigation involving controlled differential dorsal ramus medial branch diagnostic blocks; a repeat neurotomy requires documented relief of more than 50% for at least 12 weeks with functional improvement",
        [
            new("radiofrequency-ablation.positive-diagnostic-block", "A positive diagnostic medial branch block (at least 70% relief)", Source, true,
                c => Find.Prior(c.Record, TreatmentKind.MedialBranchBlock, TreatmentKind.FacetInjection).Any()
                    ? Find.Facts(c.Record.Reliefs, r => r.Percent is { Low: >= 70 })
                    : CriterionOutcome.NotDocumented),
            new("radiofrequency-ablation.non-radicular", "Non-radicular (facet-mediated) pain", Source, true,
                c => Find.Absent(Checks.RadiculopathyOnExam(c))),
            new("radiofrequency-ablation.repeat-response", "For a repeat neurotomy, more than 50% relief for at least 12 weeks after the prior one", Source, true,
                c => Find.Prior(c.Record, TreatmentKind.RadiofrequencyAblation).Any()
                    ? Find.Facts(c.Record.Reliefs, r => r.Percent is { Low: > 50 } && r.Duration is { MaxDays: >= 84 })
                    : new CriterionOutcome(CriterionStatus.Met, [])),
        ]);
}
