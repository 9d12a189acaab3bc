using System.Text.RegularExpressions;
using Imr.Clinical;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>
/// EMG and nerve conduction studies: MTUS CPMTG (2016), Electrodiagnostic testing (EMG/NCS); ACOEM Forearm, Wrist, and
/// Hand Complaints (2004, pages 261 and 269) for suspected entrapment; Low Back and Neck and Upper Back Complaints (2004),
/// Special Studies, for radiculopathy; ODG Low Back, Nerve conduction studies, for the lower limbs.
/// </summary>
public static partial class Electrodiagnostics
{
    private const string Source = "MTUS Chronic Pain Medical Treatment 2016, Electrodiagnostic testing (EMG/NCS); Low Back Complaints 2004 and Neck and Upper Back Complaints 2004, Special Studies";
    private const string EntrapmentSource = "MTUS Forearm, Wrist, and Hand Complaints 2004, Special Studies (page 261; Table 11-6, page 269): electrical studies for suspected peripheral nerve impingement (carpal tunnel syndrome) when symptoms persist";
    private const string LowerLimbSource = "Non-MTUS: ODG Low Back, Nerve conduction studies (NCS): not recommended for presumed radiculopathy; EMG after one month of conservative therapy when radiculopathy is not clinically obvious";

    public static Policy Policy { get; } = new(
        "electrodiagnostics",
        ["electrodiagnostics"],
        Chapters.Cpmtg("Electrodiagnostic testing (EMG/NCS)"),
        EvidenceLevel.Mtus,
        "state that electromyography and nerve conduction studies are accepted for localizing neurological symptoms and establishing focal nerve entrapment such as carpal tunnel syndrome or radiculopathy; EMG may identify subtle focal neurologic dysfunction when radiculopathy is suspected and not clear on examination after a month of conservative therapy, while nerve conduction studies of the lower limbs are not recommended for presumed radiculopathy",
        [
            new("electrodiagnostics.neurological-symptoms",
                "Neurological symptoms or findings in the limbs (numbness, tingling, radiating pain, weakness)",
                Source, true, Checks.NeurologicalSymptoms),
            new("electrodiagnostics.indication",
                "The study fits the suspected lesion: signs of peripheral entrapment (carpal or cubital tunnel syndrome, positive Tinel or Phalen) for studies of the arms, or radiculopathy that is suspected but not clear for EMG; not nerve conduction studies of the legs for presumed radiculopathy",
                EntrapmentSource + "; " + LowerLimbSource, true, Indication),
            new("electrodiagnostics.persisting",
                "Symptoms persisting without improvement after conservative care (one month for EMG of the legs)",
                Source + "; " + EntrapmentSource, true,
                c => Entrapment(c) && Arms(c)
                    ? Find.Absent(Find.Facts(c.Record.Treatments, t => t.Outcome == TreatmentOutcome.Improved && t.Assertion != Assertion.Hypothetical))
                    : Checks.FailedConservativeCare(c)),
            new("electrodiagnostics.not-already-established",
                "Radiculopathy is not already established by imaging (the study would add information)",
                Source, true, c => Entrapment(c) && Arms(c) ? CriterionOutcome.NotApplicable : Find.Absent(Checks.CorroboratedByStudies(c))),
        ],
        Cites: c => Entrapment(c) && Arms(c)
            ? [Chapters.Cpmtg("Electrodiagnostic testing (EMG/NCS)"), Policy.Mtus("Forearm, Wrist, and Hand Complaints", 2004, "Diagnostic Criteria", "Special Studies")]
            : [Chapters.Cpmtg("Electrodiagnostic testing (EMG/NCS)"), Policy.Mtus(Arms(c) ? "Neck and Upper Back Complaints" : "Low Back Complaints", 2004, "Special Studies")]);

    private static CriterionOutcome Indication(CriterionContext c)
    {
        var nerveConduction = NerveConduction().IsMatch(c.Treatment);
        var emg = Emg().IsMatch(c.Treatment);
        if (!nerveConduction && !emg) return CriterionOutcome.NotDocumented; // EEG, SSEP: not a study these sections support
        if (Arms(c))
        {
            if (Entrapment(c) && nerveConduction) return Find.Phrase(c.Record, EntrapmentSigns());
            return Checks.NeurologicalSymptoms(c);
        }
        // The legs: nerve conduction studies only when a peripheral neuropathy or entrapment is suspected.
        if (nerveConduction && Find.Phrase(c.Record, PeripheralNeuropathy()).Status != CriterionStatus.Met)
            return new CriterionOutcome(CriterionStatus.NotMet, []);
        return Checks.NeurologicalSymptoms(c);
    }

    /// <summary>Whether the study is of the arms (or neck) rather than the legs (or low back).</summary>
    public static bool Arms(CriterionContext c) => c.Classification.BodyRegion?.Id is "upper-extremity" or "wrist-hand" or "elbow" or "cervical" or "shoulder"
        || UpperWords().IsMatch(c.Treatment);

    private static bool Entrapment(CriterionContext c) => Find.Phrase(c.Record, EntrapmentSigns()).Status == CriterionStatus.Met;

    [GeneratedRegex(@"\bNCV|\bNCS|nerve conduction", RegexOptions.IgnoreCase)]
    private static partial Regex NerveConduction();

    [GeneratedRegex(@"\bEMG|electromyogra", RegexOptions.IgnoreCase)]
    private static partial Regex Emg();

    [GeneratedRegex(@"upper extremit|\bUE\b|\bRUE\b|\bLUE\b|\bBUE\b|\barms?\b|\bhands?\b|wrist|elbow", RegexOptions.IgnoreCase)]
    private static partial Regex UpperWords();

    [GeneratedRegex(@"carpal tunnel|cubital tunnel|\bCTS\b|positive Tinel|Tinel'?s? (?:sign |test )?(?:is |was )?positive|positive Phalen|Phalen'?s? (?:sign |test )?(?:is |was )?positive|positive Durkan|thenar atrophy|median nerve|ulnar nerve (?:entrapment|neuropathy)", RegexOptions.IgnoreCase)]
    private static partial Regex EntrapmentSigns();

    [GeneratedRegex(@"peripheral neuropathy|polyneuropathy|diabetic neuropathy|tarsal tunnel|peroneal (?:nerve|neuropathy)|entrapment", RegexOptions.IgnoreCase)]
    private static partial Regex PeripheralNeuropathy();
}
