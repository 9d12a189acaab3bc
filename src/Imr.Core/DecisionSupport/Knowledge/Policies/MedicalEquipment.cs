using System.Text.RegularExpressions;
using Imr.Letters.Citations;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>
/// Durable medical equipment other than TENS: supports and braces, heat and cold devices, other stimulators, and
/// equipment for the home. MTUS ACOEM, Physical Methods of each chapter (Low Back Complaints 2004, page 301: lumbar
/// supports have no lasting benefit beyond the acute phase; page 300: at-home applications of heat or cold are as
/// effective as those by therapists; Forearm, Wrist, and Hand Complaints 2004, page 265: splinting for carpal tunnel
/// syndrome and de Quervain's); CPMTG Interferential Current Stimulation, H-wave, NMES (not recommended as isolated
/// interventions); ODG Knee, Durable medical equipment (a medical need, and a device that is primarily medical).
/// </summary>
public static partial class MedicalEquipment
{
    private const string Source = "MTUS Low Back Complaints 2004, Physical Methods (pages 298-301); Forearm, Wrist, and Hand Complaints 2004, Physical Methods (page 265); Non-MTUS: ODG Knee, Durable medical equipment (DME)";
    private const string StimulatorSource = "MTUS Chronic Pain Medical Treatment 2016, Interferential Current Stimulation (ICS) (pages 118-120); H-wave stimulation (HWT) (page 117); Neuromuscular electrical stimulation (NMES devices) (page 121)";

    public static Policy Policy { get; } = new(
        "medical-equipment",
        ["durable-medical-equipment"],
        Policy.Mtus("Low Back Complaints", 2004, "Physical Methods"),
        EvidenceLevel.Mtus,
        "state that lumbar supports have not been shown to have lasting benefit beyond the acute phase of symptom relief, that at-home local applications of heat or cold are as effective as those performed by therapists, and that splinting is an option for carpal tunnel syndrome and de Quervain's tendinitis; equipment is necessary when it serves a documented medical need and is primarily medical in nature",
        [
            new("medical-equipment.supported-device",
                "A device the guidelines support for this condition: a brace or support only in the acute phase or for instability or fracture; splints for carpal tunnel syndrome or tendinitis; no special device for heat or cold; no electrical stimulator other than TENS as an isolated intervention",
                Source + "; " + StimulatorSource, true, Supported),
            new("medical-equipment.medical-need", "A documented medical need the device serves (a functional deficit it addresses, non-weight-bearing status, a post-operative need)", Source, true,
                c => Find.Phrase(c.Record, MedicalNeed())),
        ],
        c => !Checks.Names(Tens.Device())(c),
        c => Stimulator().IsMatch(c.Treatment)
            ? [Chapters.Cpmtg(Interferential().IsMatch(c.Treatment) ? "Interferential Current Stimulation (ICS)" : HWave().IsMatch(c.Treatment) ? "H-wave stimulation (HWT)" : "Neuromuscular electrical stimulation (NMES devices)")]
            : Chapters.Cite(c, c.Classification.BodyRegion?.Id == "elbow" ? "Recommendations" : "Physical Methods"));

    private static CriterionOutcome Supported(CriterionContext c)
    {
        var t = c.Treatment;
        if (Stimulator().IsMatch(t) || HeatCold().IsMatch(t)) return new CriterionOutcome(CriterionStatus.NotMet, []);
        if (Splint().IsMatch(t) && c.Classification.BodyRegion?.Id is "wrist-hand" or "elbow")
            return Find.Phrase(c.Record, SplintIndication());
        if (Support().IsMatch(t))
            return c.WeeksSinceInjury is < 4 ? new CriterionOutcome(CriterionStatus.Met, []) : Find.Phrase(c.Record, Instability());
        return new CriterionOutcome(CriterionStatus.Met, []);
    }

    [GeneratedRegex(@"interferential|\bIF\b|\bICS\b|H-?wave|\bNMES\b|neuromuscular (?:electrical )?stim\w*|\bEMS\b|muscle stimulator", RegexOptions.IgnoreCase)]
    private static partial Regex Stimulator();

    [GeneratedRegex(@"interferential|\bIF\b|\bICS\b", RegexOptions.IgnoreCase)]
    private static partial Regex Interferential();

    [GeneratedRegex(@"H-?wave", RegexOptions.IgnoreCase)]
    private static partial Regex HWave();

    [GeneratedRegex(@"\bheat\b|\bhot\b|\bcold\b|\bice\b|cryo|thermal|heating pad|thermotherapy", RegexOptions.IgnoreCase)]
    private static partial Regex HeatCold();

    [GeneratedRegex(@"splint|brace|orthosis|support", RegexOptions.IgnoreCase)]
    private static partial Regex Splint();

    [GeneratedRegex(@"brace|support|corset|belt|orthosis|collar|binder", RegexOptions.IgnoreCase)]
    private static partial Regex Support();

    [GeneratedRegex(@"carpal tunnel|\bCTS\b|de Quervain|tendinitis|tendonitis|tenosynovitis|epicondyl\w+|sprain", RegexOptions.IgnoreCase)]
    private static partial Regex SplintIndication();

    [GeneratedRegex(@"instability|spondylolisthesis|compression fracture|post-?operative|after (?:the )?surgery|fusion", RegexOptions.IgnoreCase)]
    private static partial Regex Instability();

    [GeneratedRegex(@"non-?weight[- ]bearing|unable to (?:bear weight|walk|ambulate)|cannot (?:bear weight|walk)|post-?operative|after (?:the )?surgery|fall risk|gait (?:instability|disturbance)|amputation|paraplegi\w+", RegexOptions.IgnoreCase)]
    private static partial Regex MedicalNeed();
}
