using Imr.Clinical;
using Imr.Treatments;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>
/// Imaging of the spine (MTUS ACOEM, Special Studies): unequivocal objective findings that identify specific nerve
/// compromise on the neurological examination are sufficient evidence to warrant imaging in patients who do not
/// respond to treatment and who would consider surgery an option; red flags warrant imaging at once.
/// </summary>
internal static class ImagingSpine
{
    public static Criterion[] Criteria(string id, string source) =>
    [
        new($"{id}.indication",
            "Red flags for serious pathology, or physiologic evidence of nerve compromise (a neurological deficit) on examination",
            source, true,
            c => Find.AnyOf(Checks.RedFlags(c), Checks.NeurologicalDeficit(c))),
        new($"{id}.failed-conservative-care",
            "Symptoms persisting after conservative care (at least 4 to 6 weeks, not a first course of therapy still planned): with unequivocal nerve compromise on examination, pain still reported after the conservative care received suffices",
            source, true,
            c => Checks.RedFlags(c) is { Status: CriterionStatus.Met } redFlags ? redFlags
                : Checks.ObservationPending(c) ?? Find.AnyOf(Checks.FailedConservativeCare(c),
                    Checks.NeurologicalDeficit(c).Status == CriterionStatus.Met ? Checks.PainAfterConservativeCare(c) : CriterionOutcome.NotDocumented)),
        new($"{id}.no-recent-study",
            "No prior study of the region, or a significant change in symptoms or findings since it",
            source, true,
            c => PriorStudy(c) is { Status: CriterionStatus.Met } prior && Checks.RedFlags(c).Status != CriterionStatus.Met
                ? new CriterionOutcome(CriterionStatus.NotMet, prior.Evidence)
                : new CriterionOutcome(CriterionStatus.Met, [])),
        new($"{id}.surgery-considered",
            "A planned invasive procedure or surgery the study would guide",
            source, false,
            Checks.SurgeryConsidered),
    ];

    /// <summary>An earlier study of the same modality (MRI and CT counting as one) and region the record affirms.</summary>
    public static CriterionOutcome PriorStudy(CriterionContext c)
    {
        var region = Region(c.Classification);
        var modality = c.Classification.Modality?.Id switch
        {
            "mri" => Clinical.ImagingModality.Mri,
            "ct" => Clinical.ImagingModality.CT,
            "x-ray" => Clinical.ImagingModality.XRay,
            _ => (Clinical.ImagingModality?)null,
        };
        // A CT answers much of what an MRI would, and the other way round; plain films do not.
        return Find.Facts(c.Record.ImagingStudies, s => s.Assertion != Assertion.Hypothetical
            && (modality is null || s.Modality == modality || (Advanced(modality) && Advanced(s.Modality)))
            && (region is null || s.Region == region));
    }

    private static bool Advanced(Clinical.ImagingModality? modality) => modality is Clinical.ImagingModality.Mri or Clinical.ImagingModality.CT;

    public static Clinical.BodyRegion? Region(TreatmentClassification classification) => classification.BodyRegion?.Id switch
    {
        "lumbar" => Clinical.BodyRegion.Lumbar,
        "cervical" => Clinical.BodyRegion.Cervical,
        "thoracic" => Clinical.BodyRegion.Thoracic,
        "shoulder" => Clinical.BodyRegion.Shoulder,
        "knee" => Clinical.BodyRegion.Knee,
        "elbow" => Clinical.BodyRegion.Elbow,
        "wrist-hand" => Clinical.BodyRegion.WristHand,
        "ankle-foot" => Clinical.BodyRegion.AnkleFoot,
        "hip" => Clinical.BodyRegion.Hip,
        _ => null,
    };
}
