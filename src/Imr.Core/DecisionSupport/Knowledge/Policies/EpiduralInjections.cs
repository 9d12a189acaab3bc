using Imr.Clinical;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>Epidural steroid injections: MTUS CPMTG (2016), Epidural steroid injections (ESIs).</summary>
public static class EpiduralInjections
{
    private const string Source = "MTUS Chronic Pain Medical Treatment 2016, Epidural steroid injections (ESIs) (page 46)";

    public static Policy Policy { get; } = new(
        "epidural-injections",
        ["epidural-injections"],
        Policy.Mtus("Chronic Pain Medical Treatment", 2016, "Epidural steroid injections (ESIs)"),
        EvidenceLevel.Mtus,
        "recommend epidural steroid injections as an option for radicular pain when radiculopathy is documented by physical examination and corroborated by imaging studies and/or electrodiagnostic testing, the pain is initially unresponsive to conservative treatment, and, for repeat blocks, there is continued objective documented pain and functional improvement, including at least 50% pain relief with associated reduction of medication use for six to eight weeks",
        [
            new("epidural-injections.radiculopathy-on-exam", "Radiculopathy documented by physical examination", Source, true, Checks.RadiculopathyOnExam),
            new("epidural-injections.corroborated", "Radiculopathy corroborated by imaging or electrodiagnostic studies", Source, true, Checks.CorroboratedByStudies),
            new("epidural-injections.failed-conservative-care", "Pain unresponsive to conservative treatment (exercise, physical methods, medications)", Source, true, Checks.FailedConservativeCare),
            new("epidural-injections.repeat-response",
                "A first injection, or for a repeat one at least 50% pain relief with functional improvement for six to eight weeks after the prior one",
                Source, true,
                c => Find.Prior(c.Record, TreatmentKind.EpiduralSteroidInjection).Any()
                    ? Find.Facts(c.Record.Reliefs, r => r.Percent is { Low: >= 50 } && r.Duration is { MaxDays: >= 42 })
                    : CriterionOutcome.NotApplicable),
        ],
        // Reviewers cite the ACOEM chapter of the region (Physical Methods), then the CPMTG's criteria.
        Cites: c => Chapters.Cite(c, ["Physical Methods", "Summary"], Chapters.Cpmtg("Epidural steroid injections (ESIs)")));
}
