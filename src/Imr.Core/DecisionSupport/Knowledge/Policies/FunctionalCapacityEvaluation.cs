using System.Text.RegularExpressions;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>
/// Functional capacity evaluation: MTUS ACOEM General Approaches (2004), Chapter 7, Independent Medical Examinations and
/// Consultations (pages 137-138), and Chapter 2, General Approach to Initial Assessment and Documentation; ODG Fitness
/// for Duty, Functional capacity evaluation.
/// </summary>
public static partial class FunctionalCapacityEvaluation
{
    private const string Source = "MTUS General Approaches 2004, Chapter 7, Independent Medical Examinations and Consultations (pages 137-138); Non-MTUS: ODG Fitness for Duty, Functional capacity evaluation (FCE)";

    public static Policy Policy { get; } = new(
        "functional-capacity-evaluation",
        ["other-diagnostics"],
        Policy.Mtus("General Approaches", 2004, "General Approach to Initial Assessment and Documentation", "Independent Medical Examinations and Consultations"),
        EvidenceLevel.Mtus,
        "state that a functional capacity evaluation may be considered when case management is hampered by complex issues such as prior unsuccessful return-to-work attempts or conflicting medical reports on precautions and fitness for a modified job, and when the patient is close to or at maximum medical improvement; it is not recommended as a routine evaluation or when the sole purpose is to determine a worker's effort or compliance",
        [
            new("functional-capacity-evaluation.return-to-work", "Case management hampered by complex return-to-work issues (prior unsuccessful attempts, conflicting reports on fitness for a job)", Source, true,
                c => Find.Phrase(c.Record, ReturnToWork())),
            new("functional-capacity-evaluation.near-mmi", "The patient is close to or at maximum medical improvement", Source, true,
                c => Find.Phrase(c.Record, Mmi())),
        ],
        Checks.Names(Fce()));

    [GeneratedRegex(@"functional capacity|\bFCE\b", RegexOptions.IgnoreCase)]
    private static partial Regex Fce();

    [GeneratedRegex(@"(?:unsuccessful|failed) (?:attempts? (?:to|at) )?return(?:ing)? to work|return[- ]to[- ]work (?:attempt|trial)s? (?:failed|was unsuccessful)|conflicting (?:medical )?reports|job (?:description|demands)", RegexOptions.IgnoreCase)]
    private static partial Regex ReturnToWork();

    [GeneratedRegex(@"maximum medical improvement|\bMMI\b|permanent and stationary|\bP&S\b", RegexOptions.IgnoreCase)]
    private static partial Regex Mmi();
}
