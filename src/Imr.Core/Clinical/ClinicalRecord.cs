namespace Imr.Clinical;

/// <summary>The facts read from one clinical case summary, each list in text order.</summary>
public sealed class ClinicalRecord
{
    internal ClinicalRecord(string text) => Text = text;

    /// <summary>The input, which every <see cref="Evidence"/> indexes.</summary>
    public string Text { get; }

    /// <summary>The sentences the text was split into (trimmed).</summary>
    public IReadOnlyList<Evidence> Sentences { get; internal set; } = [];

    public IReadOnlyList<PainScore> PainScores { get; internal set; } = [];

    public IReadOnlyList<Relief> Reliefs { get; internal set; } = [];

    public IReadOnlyList<Duration> Durations { get; internal set; } = [];

    public IReadOnlyList<DateMention> Dates { get; internal set; } = [];

    public IReadOnlyList<SpinalLevel> SpinalLevels { get; internal set; } = [];

    public IReadOnlyList<BodySite> BodySites { get; internal set; } = [];

    public IReadOnlyList<LateralityMention> Lateralities { get; internal set; } = [];

    public IReadOnlyList<Medication> Medications { get; internal set; } = [];

    public IReadOnlyList<Treatment> Treatments { get; internal set; } = [];

    public IReadOnlyList<FunctionalImprovement> FunctionalImprovements { get; internal set; } = [];

    public IReadOnlyList<RedFlag> RedFlags { get; internal set; } = [];

    public IReadOnlyList<NeuroFinding> NeuroFindings { get; internal set; } = [];

    public IReadOnlyList<ExamTest> ExamTests { get; internal set; } = [];

    public IReadOnlyList<Diagnosis> Diagnoses { get; internal set; } = [];

    public IReadOnlyList<WorkStatus> WorkStatuses { get; internal set; } = [];

    public IReadOnlyList<OpioidMonitoring> OpioidMonitoring { get; internal set; } = [];

    public IReadOnlyList<AberrantBehavior> AberrantBehaviors { get; internal set; } = [];

    public IReadOnlyList<ImagingStudy> ImagingStudies { get; internal set; } = [];

    /// <summary>Every fact of every kind, in text order (by start, then longest first).</summary>
    public IEnumerable<ClinicalFact> All()
    {
        IEnumerable<ClinicalFact>[] lists =
        [
            PainScores, Reliefs, Durations, Dates, SpinalLevels, BodySites, Lateralities, Medications, Treatments,
            FunctionalImprovements, RedFlags, NeuroFindings, ExamTests, Diagnoses, WorkStatuses, OpioidMonitoring,
            AberrantBehaviors, ImagingStudies,
        ];
        return lists.SelectMany(l => l).OrderBy(f => f.Evidence.Start).ThenByDescending(f => f.Evidence.Length);
    }
}
