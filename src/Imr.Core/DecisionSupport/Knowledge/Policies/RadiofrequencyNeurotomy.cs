using System.Text.RegularExpressions;
using Imr.Clinical;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>
/// Radiofrequency neurotomy (ablation) of the facet joints: MTUS Low Back Complaints (2004), Summary (page 300) and
/// Neck and Upper Back Complaints (2004, page 174); ODG Neck and Upper Back / Low Back, Facet joint radiofrequency
/// neurotomy, for the repeat procedure the MTUS does not address.
/// </summary>
public static partial class RadiofrequencyNeurotomy
{
    private const string Source = "MTUS Low Back Complaints 2004, Summary (page 300); Neck and Upper Back Complaints 2004 (page 174)";
    private const string RepeatSource = "Non-MTUS: ODG Neck and Upper Back / Low Back, Facet joint radiofrequency neurotomy (repeat neurotomy: relief of at least 50% for at least 12 weeks; no more than two joint levels at one time)";

    public static Policy Policy { get; } = new(
        "radiofrequency-ablation",
        ["radiofrequency-ablation"],
        Policy.Mtus("Low Back Complaints", 2004, "Summary"),
        EvidenceLevel.Mtus,
        "state that facet neurotomies should be performed only after appropriate investigation involving controlled differential dorsal ramus medial branch diagnostic blocks; a repeat neurotomy requires documented relief of at least 50% for at least 12 weeks with functional improvement, and no more than two joint levels are to be performed at one time",
        [
            new("radiofrequency-ablation.diagnosis-established",
                "Facet-mediated pain established: a positive diagnostic medial branch block (at least 70% relief) or, for a repeat neurotomy, relief of at least 50% lasting 12 weeks or more after the prior one",
                Source + "; " + RepeatSource, true, Established),
            new("radiofrequency-ablation.facet-pain",
                "Facet-mediated pain on examination (tenderness over the facets, pain on facet loading or extension-rotation) rather than radicular pain",
                Source, true,
                c => Find.AnyOf(FacetInjections.FacetFindings(c), Find.Absent(Checks.RadiculopathyOnExam(c)))),
            new("radiofrequency-ablation.levels",
                "No more than two joint levels at one time",
                RepeatSource, true,
                c => CriterionOutcome.When(FacetInjections.Levels(c.Treatment) is not > 2)),
        ],
        Cites: c => Chapters.Cite(c, "Summary"));

    private static CriterionOutcome Established(CriterionContext c)
    {
        if (Find.Prior(c.Record, TreatmentKind.RadiofrequencyAblation).Any() || Find.Phrase(c.Record, PriorNeurotomy()).Status == CriterionStatus.Met)
            return Find.AnyOf(
                Find.Facts(c.Record.Reliefs, r => r.Percent is { Low: >= 50 } && r.Duration is null or { MaxDays: >= 84 }),
                Find.Phrase(c.Record, LastingRelief()));
        return Find.Prior(c.Record, TreatmentKind.MedialBranchBlock, TreatmentKind.FacetInjection).Any()
            ? Find.Facts(c.Record.Reliefs, r => r.Percent is { Low: >= 70 })
            : CriterionOutcome.NotDocumented;
    }

    [GeneratedRegex(@"(?:radio ?frequency|RF|RFA)\b[^.]{0,40}(?:ablation|neurotomy|rhizotomy|lesioning|procedure)|(?:prior|previous|last|past)\s+(?:\w+\s+){0,2}(?:radio ?frequency|RFA|neurotomy|rhizotomy|ablation)", RegexOptions.IgnoreCase)]
    private static partial Regex PriorNeurotomy();

    [GeneratedRegex(@"(?:[5-9]\d|100)\s*%[^.]{0,80}(?:(?:year|month)s?|\b(?:1[2-9]|[2-9]\d) weeks)|(?:[5-9]\d|100)\s*%\s*(?:pain\s+)?(?:relief|improvement|resolved|reduction)[^.]{0,60}(?:stop(?:ped)? taking|discontinue\w*|off)\s", RegexOptions.IgnoreCase)]
    private static partial Regex LastingRelief();
}
