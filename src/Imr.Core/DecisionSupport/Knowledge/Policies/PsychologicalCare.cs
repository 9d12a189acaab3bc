using System.Text.RegularExpressions;
using Imr.Clinical;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>Psychological evaluation and treatment: MTUS CPMTG (2016), Psychological evaluations (pages 100-101),
/// Psychological treatment (pages 101-102), Behavioral interventions (page 23).</summary>
public static partial class PsychologicalCare
{
    private const string Source = "MTUS Chronic Pain Medical Treatment 2016, Psychological treatment (pages 101-102); Behavioral interventions (page 23: an initial trial of 3-4 psychotherapy visits over 2 weeks, then up to 6-10 visits over 5-6 weeks with objective functional improvement)";

    public static Policy Policy { get; } = new(
        "psychological-care",
        ["psychological-care"],
        Chapters.Cpmtg("Psychological treatment"),
        EvidenceLevel.Mtus,
        "recommend psychological treatment for appropriately identified patients during treatment for chronic pain, with an initial trial of 3-4 psychotherapy visits over 2 weeks and, with evidence of objective functional improvement, a total of up to 6-10 visits over 5-6 weeks",
        [
            new("psychological-care.condition", "A psychological condition or psychosocial factor that affects recovery (depression, anxiety, PTSD, fear-avoidance)", Source, true,
                c => Find.Phrase(c.Record, Condition())),
            new("psychological-care.visits", "Within an initial trial of 3-4 visits, or documented functional improvement from prior sessions (up to 10)", Source, true, Visits),
        ],
        Cites: c => [Chapters.Cpmtg(Biofeedback().IsMatch(c.Treatment) ? ["Biofeedback"]
            : Evaluation().IsMatch(c.Treatment) ? ["Psychological evaluations"] : ["Psychological treatment", "Behavioral interventions"])]);

    private static CriterionOutcome Visits(CriterionContext c)
    {
        var prior = Find.Prior(c.Record, TreatmentKind.Psychotherapy).ToList();
        var requested = Find.RequestedCount(c.Treatment);
        if (prior.Count == 0)
            return requested is null or <= 4 || Evaluation().IsMatch(c.Treatment)
                ? new CriterionOutcome(CriterionStatus.Met, [])
                : new CriterionOutcome(CriterionStatus.NotMet, []);
        return requested is > 10 ? new CriterionOutcome(CriterionStatus.NotMet, []) : Find.AnyOf(Find.Facts(prior, t => t.Outcome == TreatmentOutcome.Improved), Checks.FunctionalImprovement(c));
    }

    [GeneratedRegex(@"depress\w*|anxiety|PTSD|post-?traumatic stress|panic|psychological (?:distress|factors|overlay)|fear[- ]avoidance|catastrophi\w+|adjustment disorder|psychiatric", RegexOptions.IgnoreCase)]
    private static partial Regex Condition();

    [GeneratedRegex(@"biofeedback", RegexOptions.IgnoreCase)]
    private static partial Regex Biofeedback();

    [GeneratedRegex(@"evaluation|consult|assessment|testing", RegexOptions.IgnoreCase)]
    private static partial Regex Evaluation();
}
