using System.Text.RegularExpressions;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>
/// Partial hospitalization, psychiatric day treatment and intensive outpatient programs. The MTUS Chronic Pain Medical
/// Treatment Guidelines (2016), Psychological treatment, set out stepped care: when symptoms are sustained in spite of
/// continued care, including psychological care, intensive care may be required from mental health professionals; ODG
/// Mental Illness &amp; Stress, Partial hospitalization, gives the criteria: a psychiatric disorder severe enough that
/// outpatient care does not meet it (thoughts of harm to self or others, a significant impairment, outpatient care
/// that has not sufficed), in a patient who does not need inpatient admission.
/// </summary>
public static partial class PartialHospitalization
{
    private const string Source = "MTUS Chronic Pain Medical Treatment 2016, Psychological treatment (stepped care, step 3: intensive care from mental health professionals); ODG Mental Illness & Stress, Partial hospitalization";

    public static Policy Policy { get; } = new(
        "partial-hospitalization",
        ["programs"],
        Chapters.Cpmtg("Psychological evaluations", "Psychological treatment"),
        EvidenceLevel.Mtus,
        "recommend psychological treatment for a psychological condition that impacts recovery and, when symptoms are sustained in spite of outpatient care, more intensive care from mental health professionals; a partial hospitalization or day treatment program is for a psychiatric disorder whose severity outpatient care does not meet, in a patient who does not need inpatient admission",
        [
            new("partial-hospitalization.condition",
                "A psychiatric disorder or psychological condition that impacts recovery (depression, anxiety, post-traumatic stress, thoughts of harm to self or others)",
                Source, true, c => Find.Phrase(c.Record, Condition())),
            new("partial-hospitalization.intensity",
                "A severity outpatient care does not meet: thoughts of harm to self or others, or the treating physician's finding that a higher level of care than outpatient therapy is needed, or symptoms sustained despite outpatient psychological care",
                Source, true, c => Find.AnyOf(Find.Phrase(c.Record, Danger()), Find.Phrase(c.Record, HigherLevel()))),
            new("partial-hospitalization.not-inpatient",
                "No imminent danger that calls for inpatient admission instead (the patient can contract for safety)",
                Source, false, c => Find.Absent(Find.Phrase(c.Record, Imminent()))),
        ],
        Checks.Names(Program()));

    [GeneratedRegex(@"partial hospitali[sz]ation|day treatment|\bday program|intensive outpatient|\bIOP\b|\bPHP\b", RegexOptions.IgnoreCase)]
    private static partial Regex Program();

    [GeneratedRegex(@"depress\w*|anxiety|PTSD|post-?traumatic stress|panic disorder|bipolar|psychosis|psychotic|suicid\w+|homicid\w+|psychiatric disorder|major depressive", RegexOptions.IgnoreCase)]
    private static partial Regex Condition();

    [GeneratedRegex(@"(?:suicidal|homicidal) (?:and (?:suicidal|homicidal) )?(?:ideation|thoughts|impulses)|thoughts of (?:harm|harming|killing|suicide)|(?:harm|harming|hurt|hurting) (?:to )?(?:themselves|himself|herself|self|others)|danger to (?:self|others|himself|herself)", RegexOptions.IgnoreCase)]
    private static partial Regex Danger();

    [GeneratedRegex(@"higher level of (?:care|treatment)|more intensive (?:care|treatment|program)|(?:failed|not responded to|despite) (?:\w+ ){0,2}outpatient (?:care|therapy|treatment|psychotherapy)|outpatient (?:care|therapy|treatment) (?:has |have |was |is )?(?:failed|insufficient|not sufficient|inadequate)", RegexOptions.IgnoreCase)]
    private static partial Regex HigherLevel();

    [GeneratedRegex(@"imminent (?:danger|risk)|(?:requires?|needs?|referred for) (?:\w+ )?(?:inpatient|psychiatric) (?:hospitali[sz]ation|admission)|unable to contract for safety|active (?:suicidal|homicidal) (?:plan|intent)", RegexOptions.IgnoreCase)]
    private static partial Regex Imminent();
}
