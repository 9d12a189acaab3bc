using System.Text.RegularExpressions;
using Imr.Clinical;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>Checks several policies share, each named as the guidelines name the finding.</summary>
internal static partial class Checks
{
    /// <summary>Red flags for serious pathology (cauda equina, fracture, tumour, infection, progressive deficit).</summary>
    /// <remarks>Only a present red flag counts: a healed fracture or a past infection does not call for imaging now.</remarks>
    public static CriterionOutcome RedFlags(CriterionContext c) => Find.Facts(c.Record.RedFlags, f => f.Assertion != Assertion.Historical);

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

    /// <summary>Objective functional improvement: activities, work, function measured, medication reduced.</summary>
    public static CriterionOutcome FunctionalImprovement(CriterionContext c) => Find.Facts(c.Record.FunctionalImprovements);

    /// <summary>A planned or recommended surgery or invasive procedure the study would guide.</summary>
    public static CriterionOutcome SurgeryConsidered(CriterionContext c) => Find.Phrase(c.Record, SurgicalCandidate());

    [GeneratedRegex(@"herniat|protrusion|extrusion|bulg|stenosis|foraminal|nerve root|impinge|radiculopathy|compress", RegexOptions.IgnoreCase)]
    private static partial Regex NerveCompromise();

    [GeneratedRegex(@"(?:MRI|magnetic resonance|CT|EMG|electrodiagnostic|nerve conduction)[^.]{0,120}(?:herniat|protrusion|extrusion|stenosis|foraminal narrowing|nerve root (?:impingement|compression|abutment)|radiculopathy)", RegexOptions.IgnoreCase)]
    private static partial Regex StudyFinding();

    [GeneratedRegex(@"surgical candidate|candidate for surgery|(?:consider|contemplat|plan|recommend)\w* (?:\w+ ){0,3}(?:surgery|surgical|decompression|fusion|arthroscop|discectomy|laminectomy)", RegexOptions.IgnoreCase)]
    private static partial Regex SurgicalCandidate();
}
