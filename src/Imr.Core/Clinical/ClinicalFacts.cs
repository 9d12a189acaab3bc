using Imr.Clinical.Rules;

namespace Imr.Clinical;

/// <summary>
/// Reads the facts a guideline check needs from a clinical case summary: pain scores, relief, durations and dates,
/// anatomy, medications, treatments with counts and outcomes, functional improvement, red flags, neurological
/// findings, examination tests, diagnoses, work status, opioid monitoring and imaging. Transparent by design:
/// hand-written patterns over general clinical language, each fact with the exact words it came from, and
/// NegEx/ConText for negation, uncertainty, history and plans. No statistical model, and nothing keyed to
/// particular letters.
/// </summary>
public static class ClinicalFacts
{
    public static ClinicalRecord Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var doc = new Document(text);
        // Order matters: later rules read what earlier ones found (sides and sites, then durations, then relief).
        AnatomyRule.Extract(doc);
        TimeRule.Extract(doc);
        PainRule.Extract(doc);
        MedicationRule.Extract(doc);
        TreatmentRule.Extract(doc);
        FunctionalRule.Extract(doc);
        RedFlagRule.Extract(doc);
        NeuroRule.Extract(doc);
        ExamTestRule.Extract(doc);
        DiagnosisRule.Extract(doc);
        WorkStatusRule.Extract(doc);
        OpioidMonitoringRule.Extract(doc);
        ImagingRule.Extract(doc);

        return new ClinicalRecord(text)
        {
            Sentences = [.. doc.Sentences.Select(s => doc.Evidence(s.Start, s.End))],
            PainScores = doc.PainScores,
            Reliefs = doc.Reliefs,
            Durations = doc.Durations,
            Dates = doc.Dates,
            SpinalLevels = doc.SpinalLevels,
            BodySites = doc.BodySites,
            Lateralities = doc.Lateralities,
            Medications = doc.Medications,
            Treatments = doc.Treatments,
            FunctionalImprovements = doc.FunctionalImprovements,
            RedFlags = doc.RedFlags,
            NeuroFindings = doc.NeuroFindings,
            ExamTests = doc.ExamTests,
            Diagnoses = doc.Diagnoses,
            WorkStatuses = doc.WorkStatuses,
            OpioidMonitoring = doc.OpioidMonitoring,
            AberrantBehaviors = doc.AberrantBehaviors,
            ImagingStudies = doc.ImagingStudies,
        };
    }
}
