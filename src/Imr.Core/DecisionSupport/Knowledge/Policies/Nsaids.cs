using System.Text.RegularExpressions;
using Imr.Clinical;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>NSAIDs: MTUS CPMTG (2016), NSAIDs (non-steroidal anti-inflammatory drugs), pages 67-73; Celebrex (celecoxib);
/// ACOEM Chapter 3 (General Approaches, Initial Approaches to Treatment) for a first prescription.</summary>
public static partial class Nsaids
{
    private const string Source = "MTUS Chronic Pain Medical Treatment 2016, NSAIDs (non-steroidal anti-inflammatory drugs) (pages 67-73); Medications for chronic pain (page 60)";
    private const string Cox2Source = "MTUS Chronic Pain Medical Treatment 2016, NSAIDs, GI symptoms & cardiovascular risk (pages 68-69); Celebrex (celecoxib)";

    public static Policy Policy { get; } = new(
        "nsaids",
        ["nsaids"],
        Chapters.Cpmtg("NSAIDs (non-steroidal anti-inflammatory drugs)"),
        EvidenceLevel.Mtus,
        "recommend NSAIDs at the lowest dose for the shortest period in patients with moderate to severe pain from osteoarthritis and as an option for short-term symptomatic relief of back pain; continued use requires documented pain relief and functional improvement, and a COX-2 inhibitor or an NSAID combined with gastro-protection is reserved for patients at risk of gastrointestinal events",
        [
            new("nsaids.efficacy", "A first prescription, or documented pain relief and functional improvement from the NSAID already taken", Source, true,
                c => Checks.EfficacyIfContinued(c, DrugClass.Nsaid)),
            new("nsaids.gi-risk-for-selective", "For a COX-2 inhibitor or an NSAID combined with misoprostol, a gastrointestinal risk factor", Cox2Source, true,
                c => Selective().IsMatch(c.Treatment) ? Find.Phrase(c.Record, ProtonPumpInhibitors.GiRiskPattern()) : CriterionOutcome.NotApplicable),
        ],
        Cites: c => [Chapters.Cpmtg(Celecoxib().IsMatch(c.Treatment)
            ? ["NSAIDs (non-steroidal anti-inflammatory drugs)", "Celebrex (celecoxib)"]
            : ["NSAIDs (non-steroidal anti-inflammatory drugs)"])]);

    [GeneratedRegex(@"celecoxib|celebrex|misoprostol|arthrotec", RegexOptions.IgnoreCase)]
    private static partial Regex Selective();

    [GeneratedRegex(@"celecoxib|celebrex", RegexOptions.IgnoreCase)]
    private static partial Regex Celecoxib();
}
