namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>EMG and nerve conduction studies: MTUS ACOEM (Low Back / Neck and Upper Back Complaints), Special Studies.</summary>
public static class Electrodiagnostics
{
    private const string Source = "MTUS Low Back Complaints 2004 and Neck and Upper Back Complaints 2004, Special Studies";

    public static Policy Policy { get; } = new(
        "electrodiagnostics",
        ["electrodiagnostics"],
        // The CPMTG section names the test; its indications defer to the ACOEM chapters' Special Studies, the criteria's source.
        Policy.Mtus("Chronic Pain Medical Treatment", 2016, "Electrodiagnostic testing (EMG/NCS)"),
        EvidenceLevel.Mtus,
        "state that electromyography, including H-reflex tests, may be useful to identify subtle, focal neurologic dysfunction in patients with symptoms lasting more than three or four weeks, when radiculopathy or nerve entrapment is suspected and not clear on examination",
        [
            new("electrodiagnostics.neurological-symptoms",
                "Neurological symptoms or findings in the limbs (numbness, tingling, radiating pain, weakness)",
                Source, true, Checks.NeurologicalSymptoms),
            new("electrodiagnostics.conservative-care",
                "Symptoms persisting after 3 to 4 weeks of conservative care",
                Source, true, Checks.FailedConservativeCare),
            new("electrodiagnostics.not-already-established",
                "Radiculopathy is not already established by imaging (the study would add information)",
                Source, true, c => Find.Absent(Checks.CorroboratedByStudies(c))),
        ]);
}
