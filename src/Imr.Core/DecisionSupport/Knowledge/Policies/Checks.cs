using System.Text.RegularExpressions;
using Imr.Clinical;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>Checks several policies share, each named as the guidelines name the finding.</summary>
internal static partial class Checks
{
    /// <summary>Red flags for serious pathology (cauda equina, fracture, tumour, infection, progressive deficit).</summary>
    /// <remarks>Only a present red flag counts: a healed fracture or a past infection does not call for imaging now. A
    /// fracture, tumour or infection counts for the region it is in: a wrist fracture is no red flag for the neck.</remarks>
    public static CriterionOutcome RedFlags(CriterionContext c) => Find.Facts(c.Record.RedFlags, f => f.Assertion != Assertion.Historical
        && (f.Kind is not (RedFlagKind.Fracture or RedFlagKind.Tumor or RedFlagKind.Infection) || InRegion(c, f.Evidence)));

    /// <summary>Whether words of the record are about the request's body region (the region is named within the
    /// clause around them: "de Quervain's fracture of the right wrist" in a list of diagnoses is not about the neck);
    /// true when the request names no region.</summary>
    /// <remarks>When the part of the clause the words stand in (between "and" or "or") names a body part of its own,
    /// that part decides: in "strain of the thoracic spine and right ulna fracture" the fracture is of the arm.</remarks>
    public static bool InRegion(CriterionContext c, Evidence evidence)
    {
        if (RegionWords(c.Classification.BodyRegion?.Id) is not { } words) return true;
        var clause = Clause(c.Record.Text, evidence);
        var segment = Segment(c.Record.Text, evidence);
        return AnySite().IsMatch(segment) ? words.IsMatch(segment) : words.IsMatch(clause);
    }

    /// <summary>The part of the clause around some words between the conjunctions "and" and "or".</summary>
    private static string Segment(string text, Evidence evidence)
    {
        var clause = Clause(text, evidence);
        var at = Math.Max(0, evidence.Start - ClauseStart(text, evidence));
        var parts = Conjunction().Split(clause);
        var offset = 0;
        foreach (var part in parts)
        {
            var index = clause.IndexOf(part, offset, StringComparison.Ordinal);
            if (index <= at && at < index + part.Length + 1) return part;
            offset = index + part.Length;
        }
        return clause;
    }

    [GeneratedRegex(@"\s(?:and|or)\s", RegexOptions.IgnoreCase)]
    private static partial Regex Conjunction();

    [GeneratedRegex(@"cervical|neck|\bC[1-7]\b|thoracic|lumbar|back|\b[TLS]\d{1,2}\b|spin|vertebra|sacr|shoulder|humer|clavic|scapul|knee|patell|tibia|femur|femoral|ankle|foot|feet|toe|metatars|calcane|malleol|fibula|wrist|hand|finger|thumb|phalan|scaphoid|radius|ulna|elbow|forearm|\barm\b|hip|pelvi|acetabul|\bribs?\b|chest|stern|skull|cranial|facial|nasal|orbit|mandib|jaw", RegexOptions.IgnoreCase)]
    private static partial Regex AnySite();

    private static Regex? RegionWords(string? region) => region switch
    {
        "cervical" => CervicalWords(),
        "thoracic" or "lumbar" or "spine" => BackWords(),
        "shoulder" => ShoulderWords(),
        "knee" => KneeWords(),
        "ankle-foot" => FootWords(),
        "wrist-hand" or "elbow" or "upper-extremity" => ArmWords(),
        "hip" or "pelvis" => HipWords(),
        _ => null,
    };

    [GeneratedRegex(@"cervical|neck|\bC[1-7]\b|spin|vertebra|odontoid", RegexOptions.IgnoreCase)]
    private static partial Regex CervicalWords();

    [GeneratedRegex(@"thoracic|lumbar|low back|back|\b[TLS]\d{1,2}\b|spin|vertebra|compression|sacr", RegexOptions.IgnoreCase)]
    private static partial Regex BackWords();

    [GeneratedRegex(@"shoulder|humer|clavic|scapul|glenoid|acromi", RegexOptions.IgnoreCase)]
    private static partial Regex ShoulderWords();

    [GeneratedRegex(@"knee|patell|tibia|femur|femoral|plateau", RegexOptions.IgnoreCase)]
    private static partial Regex KneeWords();

    [GeneratedRegex(@"ankle|foot|feet|toe|metatars|calcane|tarsal|malleol|fibula", RegexOptions.IgnoreCase)]
    private static partial Regex FootWords();

    [GeneratedRegex(@"wrist|hand|finger|thumb|phalan|scaphoid|radius|radial|metacarp|ulna|elbow|olecranon|forearm|arm", RegexOptions.IgnoreCase)]
    private static partial Regex ArmWords();

    [GeneratedRegex(@"hip|femur|femoral|pelvi|acetabul|sacr", RegexOptions.IgnoreCase)]
    private static partial Regex HipWords();

    /// <summary>Objective neurological findings: deficits, reflex change, weakness, a positive tension sign.</summary>
    public static CriterionOutcome NeurologicalDeficit(CriterionContext c) => Find.Facts(c.Record.NeuroFindings,
        f => f.Kind is NeuroFindingKind.SensoryDeficit or NeuroFindingKind.Weakness or NeuroFindingKind.ReflexChange
            or NeuroFindingKind.StraightLegRaise or NeuroFindingKind.Spurling or NeuroFindingKind.NeurologicalDeficit
            or NeuroFindingKind.NerveSign);

    /// <summary>Neurological symptoms or findings of any kind (numbness, tingling, radiating pain, deficits).</summary>
    public static CriterionOutcome NeurologicalSymptoms(CriterionContext c) => Find.Facts(c.Record.NeuroFindings);

    /// <summary>Radiculopathy on examination: a dermatomal deficit, reflex change, weakness or positive tension sign.</summary>
    public static CriterionOutcome RadiculopathyOnExam(CriterionContext c) => Find.Facts(c.Record.NeuroFindings,
        f => f.Kind is NeuroFindingKind.SensoryDeficit or NeuroFindingKind.Weakness or NeuroFindingKind.ReflexChange
            or NeuroFindingKind.StraightLegRaise or NeuroFindingKind.Spurling or NeuroFindingKind.Radiculopathy);

    /// <summary>Imaging or electrodiagnostic findings of nerve root compromise.</summary>
    public static CriterionOutcome CorroboratedByStudies(CriterionContext c) => Find.AnyOf(
        Find.Facts(c.Record.ImagingStudies, s => s.Finding is { } f && NerveCompromise().IsMatch(f.Text)),
        Find.Phrase(c.Record, StudyFinding()));

    public static CriterionOutcome FailedConservativeCare(CriterionContext c) => Find.FailedConservativeCare(c.Record);

    /// <summary>
    /// For imaging without a red flag, whether the period of conservative care and observation the ACOEM chapters ask
    /// for has had its chance: not met when the review comes less than four weeks after the injury (Neck and Upper Back,
    /// page 177: "a three- or four-week period"; Shoulder, page 207, and Forearm, Wrist, and Hand, page 268: "a four- to
    /// six-week period"; Low Back, page 303: at least a month), or when the record plans a first course of physical
    /// therapy that has not yet been given ("the treatment plan includes an MRI and physical therapy"): the patient
    /// has not yet failed to respond to treatment. Null when neither holds, so the record's failed care is read.
    /// </summary>
    public static CriterionOutcome? ObservationPending(CriterionContext c)
    {
        if (c.WeeksSinceInjury is < 4) return new CriterionOutcome(CriterionStatus.NotMet, []);
        var therapy = c.Record.Treatments.Where(t => t.Kind == TreatmentKind.PhysicalTherapy && t.Subject == Subject.Patient).ToList();
        var planned = therapy.Where(t => t.Assertion == Assertion.Hypothetical && !UtilizationReview().IsMatch(Sentence(c.Record.Text, t.Evidence))).ToList();
        return planned.Count > 0 && !therapy.Any(t => t.IsAffirmed) ? CriterionOutcome.NotMet(planned.Select(t => t.Evidence)) : null;
    }

    /// <summary>Words of a utilization review decision: what it denied or modified is no plan of the treating physician.</summary>
    [GeneratedRegex(@"utilization review|\bUR\b|non-?certif|denied|modified|authorized|certified", RegexOptions.IgnoreCase)]
    private static partial Regex UtilizationReview();

    /// <summary>Objective functional improvement: activities, work, function measured, medication reduced.</summary>
    public static CriterionOutcome FunctionalImprovement(CriterionContext c) => Find.Facts(c.Record.FunctionalImprovements);

    /// <summary>Narrows a policy to requests whose matched words (the taxonomy's term or text) match
    /// <paramref name="words"/>: a TENS unit among equipment, a urine drug screen among laboratory tests.</summary>
    public static Func<Treatments.TreatmentClassification, bool> Names(Regex words) =>
        c => words.IsMatch(c.MatchedText ?? "") || words.IsMatch(c.MatchedTerm ?? "");

    /// <summary>Conservative care received (therapy, exercise, activity modification) with no benefit reported and pain
    /// still rated at 4/10 or more: symptoms that persist.</summary>
    public static CriterionOutcome PainAfterConservativeCare(CriterionContext c)
    {
        var received = Find.Prior(c.Record, TreatmentKind.PhysicalTherapy, TreatmentKind.OccupationalTherapy, TreatmentKind.Chiropractic,
            TreatmentKind.Acupuncture, TreatmentKind.HomeExercise, TreatmentKind.ConservativeCare, TreatmentKind.ActivityModification, TreatmentKind.Tens).ToList();
        if (received.Count == 0 || received.Any(t => t.Outcome == TreatmentOutcome.Improved)) return CriterionOutcome.NotDocumented;
        var pain = Find.Facts(c.Record.PainScores, p => p.Score.High >= 4);
        return pain.Status == CriterionStatus.Met
            ? CriterionOutcome.Met([received[0].Evidence, .. pain.Evidence.Select(e => new Evidence(e.Text, e.Start, e.Length))])
            : CriterionOutcome.NotDocumented;
    }

    /// <summary>Whether the record shows the patient already taking a drug of this class (a continuation rather than a
    /// first trial).</summary>
    /// <remarks>A mention where the drug is being started ("naproxen was prescribed", "a trial of nortriptyline") is
    /// not a continuation.</remarks>
    public static bool Taking(CriterionContext c, DrugClass drugClass) => Find.Facts(c.Record.Medications,
        m => m.Class == drugClass && !m.IsClassMention && m.Assertion is Assertion.Present or Assertion.Historical
            && !FirstTrial().IsMatch(Sentence(c.Record.Text, m.Evidence))).Status == CriterionStatus.Met;

    /// <summary>
    /// The CPMTG's rule for every medication for chronic pain (Medications for chronic pain, page 60): a first trial
    /// needs no more, but continued use needs documented pain relief and functional improvement from it.
    /// </summary>
    /// <remarks>Whether it is a first trial must be documented too ("a trial of", "was prescribed", "started"): a
    /// request that may be a refill of a drug of unknown effect is not shown to be necessary.</remarks>
    public static CriterionOutcome EfficacyIfContinued(CriterionContext c, DrugClass drugClass)
    {
        if (Taking(c, drugClass)) return Find.AnyOf(FunctionalImprovement(c), Find.Facts(c.Record.Reliefs));
        var started = c.Record.Medications.Where(m => m.Class == drugClass && !m.IsClassMention && m.Subject == Subject.Patient
            && FirstTrial().IsMatch(Sentence(c.Record.Text, m.Evidence))).Select(m => m.Evidence).ToList();
        return started.Count > 0 ? CriterionOutcome.Met(started) : CriterionOutcome.NotDocumented;
    }

    /// <summary>
    /// For therapies given as a trial (physical therapy, chiropractic, acupuncture): when utilization review already
    /// authorized part of the request, what remains in dispute goes beyond the trial, and the guidelines make more
    /// visits contingent on objective functional improvement from the trial.
    /// </summary>
    public static CriterionOutcome BeyondAuthorizedTrial(CriterionContext c, params TreatmentKind[] kinds)
    {
        if (!PartlyAuthorized().IsMatch(c.Treatment)) return CriterionOutcome.NotApplicable;
        var trial = Find.Prior(c.Record, kinds).ToList();
        return trial.Count == 0
            ? CriterionOutcome.NotDocumented
            : Find.AnyOf(Find.Facts(trial, t => t.Outcome == TreatmentOutcome.Improved), FunctionalImprovement(c));
    }

    /// <summary>The clause of the text around some of its words (between commas, semicolons or full stops).</summary>
    public static string Clause(string text, Evidence evidence)
    {
        var end = text.IndexOfAny([',', ';', '.'], Math.Min(evidence.End, text.Length));
        return text[ClauseStart(text, evidence)..(end < 0 ? text.Length : end)];
    }

    private static int ClauseStart(string text, Evidence evidence) =>
        (evidence.Start <= 0 ? -1 : text.LastIndexOfAny([',', ';', '.'], Math.Min(evidence.Start, text.Length) - 1)) + 1;

    /// <summary>The sentence of the text around some of its words.</summary>
    public static string Sentence(string text, Evidence evidence)
    {
        var start = evidence.Start <= 0 ? 0 : text.LastIndexOf(". ", Math.Min(evidence.Start, text.Length - 1), StringComparison.Ordinal);
        var end = text.IndexOf(". ", Math.Min(evidence.End, text.Length), StringComparison.Ordinal);
        return text[(start < 0 ? 0 : start)..(end < 0 ? text.Length : end)];
    }

    [GeneratedRegex(@"original request|remaining|IMR eligible|authorized|certified|modified", RegexOptions.IgnoreCase)]
    private static partial Regex PartlyAuthorized();

    [GeneratedRegex(@"\btrial\b|(?:was|were|been|newly) prescribed|prescribed (?:a|an|the)\b|start(?:ed|ing)? (?:on|a|taking)|initiat\w+|first[- ]time|new (?:prescription|medication)|introduc\w+", RegexOptions.IgnoreCase)]
    private static partial Regex FirstTrial();

    /// <summary>Neuropathic pain: radiculopathy, neuropathy, radiating pain, numbness or tingling, CRPS.</summary>
    public static CriterionOutcome NeuropathicPain(CriterionContext c) => Find.AnyOf(
        Find.Facts(c.Record.NeuroFindings), Find.Phrase(c.Record, Neuropathic()));

    [GeneratedRegex(@"neuropath\w*|radiculopath\w*|radicul\w+|sciatica|neuralgia|CRPS|complex regional pain|reflex sympathetic|fibromyalgia|polyneuropathy", RegexOptions.IgnoreCase)]
    private static partial Regex Neuropathic();

    /// <summary>A planned or recommended surgery or invasive procedure the study would guide.</summary>
    public static CriterionOutcome SurgeryConsidered(CriterionContext c) => Find.Phrase(c.Record, SurgicalCandidate());

    [GeneratedRegex(@"herniat|protrusion|extrusion|bulg|stenosis|foraminal|nerve root|impinge|radiculopathy|compress", RegexOptions.IgnoreCase)]
    private static partial Regex NerveCompromise();

    [GeneratedRegex(@"(?:MRI|magnetic resonance|CT|EMG|electrodiagnostic|nerve conduction)[^.]{0,120}(?:herniat|protrusion|extrusion|stenosis|foraminal narrowing|nerve root (?:impingement|compression|abutment)|radiculopathy)", RegexOptions.IgnoreCase)]
    private static partial Regex StudyFinding();

    [GeneratedRegex(@"surgical candidate|candidate for surgery|(?:consider|contemplat|plan|recommend)\w* (?:\w+ ){0,3}(?:surgery|surgical|decompression|fusion|arthroscop|discectomy|laminectomy)", RegexOptions.IgnoreCase)]
    private static partial Regex SurgicalCandidate();
}
