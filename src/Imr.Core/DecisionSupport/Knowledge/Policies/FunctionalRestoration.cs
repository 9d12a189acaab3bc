using System.Text.RegularExpressions;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>Functional restoration programs and work hardening: MTUS CPMTG (2016), Chronic pain programs (functional
/// restoration programs), pages 30-34, and Work conditioning, work hardening (page 125).</summary>
public static partial class FunctionalRestoration
{
    private const string Source = "MTUS Chronic Pain Medical Treatment 2016, Chronic pain programs (functional restoration programs) (pages 30-34)";

    public static Policy Policy { get; } = new(
        "functional-restoration",
        ["programs"],
        Chapters.Cpmtg("Chronic pain programs (functional restoration programs)"),
        EvidenceLevel.Mtus,
        "recommend functional restoration programs when an adequate and thorough evaluation has been made, previous methods of treating chronic pain have been unsuccessful with an absence of other options likely to result in significant clinical improvement, the patient has a significant loss of ability to function independently, is not a candidate for surgery, has motivation to change and has addressed negative predictors of success; treatment is not suggested for longer than 2 weeks without evidence of demonstrated efficacy",
        [
            new("functional-restoration.evaluation", "An adequate and thorough multidisciplinary evaluation, including baseline functional testing", Source, true,
                c => Find.Phrase(c.Record, Evaluation())),
            new("functional-restoration.failed-treatment", "Previous methods of treating chronic pain unsuccessful, with no other option likely to help", Source, true, Checks.FailedConservativeCare),
            new("functional-restoration.not-surgical-candidate", "Not a candidate for surgery or other treatments that would clearly be warranted", Source, true,
                c => Find.Absent(Checks.SurgeryConsidered(c))),
            new("functional-restoration.duration", "No more than a 2-week trial (about 10 sessions or 80 hours) without demonstrated efficacy", Source, true,
                c => CriterionOutcome.When(Find.RequestedCount(c.Treatment) is not > 10)),
        ],
        Checks.Names(Program()),
        c => [Chapters.Cpmtg(WorkHardening().IsMatch(c.Treatment) ? "Work conditioning, work hardening" : "Chronic pain programs (functional restoration programs)")]);

    [GeneratedRegex(@"functional restoration|\bFRP\b|restoration program|work hardening|work conditioning|chronic pain program|HELP program", RegexOptions.IgnoreCase)]
    private static partial Regex Program();

    [GeneratedRegex(@"work hardening|work conditioning", RegexOptions.IgnoreCase)]
    private static partial Regex WorkHardening();

    [GeneratedRegex(@"multidisciplinary evaluation|functional restoration (?:program )?evaluation|FRP evaluation|baseline functional testing|psychological evaluation", RegexOptions.IgnoreCase)]
    private static partial Regex Evaluation();
}
