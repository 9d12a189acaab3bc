using Imr.DecisionSupport.Knowledge.Policies;
using Imr.Treatments;

namespace Imr.DecisionSupport.Knowledge;

/// <summary>Every policy the engine knows, and how one is chosen for an item.</summary>
public static class PolicyCatalogue
{
    public static IReadOnlyList<Policy> All { get; } =
    [
        ImagingLumbar.Policy, ImagingCervical.Policy, ImagingShoulder.Policy, ImagingKnee.Policy,
        PhysicalTherapy.Policy, Chiropractic.Policy, Acupuncture.Policy, Electrodiagnostics.Policy,
        Opioids.Policy, MuscleRelaxants.Policy, ProtonPumpInhibitors.Policy, TopicalAnalgesics.Policy,
        EpiduralInjections.Policy, FacetInjections.Policy, RadiofrequencyNeurotomy.Policy, Tens.Policy,
        SurgicalAdjuncts.Policy, Surgery.Policy,
        ImagingExtremity.Policy, Nsaids.Policy, Antidepressants.Policy, Anticonvulsants.Policy, SleepAids.Policy,
        Benzodiazepines.Policy, PsychologicalCare.Policy, TriggerPointInjections.Policy, BotulinumToxin.Policy,
        UrineDrugTesting.Policy, FunctionalCapacityEvaluation.Policy, FunctionalRestoration.Policy, HomeHealth.Policy,
        MedicalEquipment.Policy, JointInjections.Policy, InpatientRehabilitation.Policy, PartialHospitalization.Policy,
    ];

    /// <summary>The policy for a classified item: of those covering it, one at the highest level of the evidence
    /// hierarchy (Labor Code 4610.5(c)(2)); null when none covers it.</summary>
    public static Policy? For(TreatmentClassification classification) =>
        EvidenceHierarchy.Admissible(All.Where(p => p.Covers(classification))).FirstOrDefault();
}
