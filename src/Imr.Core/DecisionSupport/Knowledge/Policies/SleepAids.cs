using System.Text.RegularExpressions;
using Imr.Clinical;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>
/// Sleep aids: the MTUS CPMTG (2016) Insomnia treatment section defers to ODG Pain (Chronic), Insomnia treatment:
/// hypnotics such as zolpidem are for short-term treatment (2 to 6 weeks) after the cause of the sleep disturbance has
/// been evaluated and sleep hygiene addressed; they are not recommended for long-term use.
/// </summary>
public static partial class SleepAids
{
    private const string Source = "MTUS Chronic Pain Medical Treatment 2016, Insomnia treatment; Non-MTUS: ODG Pain (Chronic), Insomnia treatment; Zolpidem (Ambien)";

    public static Policy Policy { get; } = new(
        "sleep-aids",
        ["sleep-aids"],
        Chapters.Cpmtg("Insomnia treatment"),
        EvidenceLevel.Mtus,
        "recommend that treatment of insomnia be based on the etiology, after a careful evaluation of the sleep disturbance, with pharmacological agents used only for short-term treatment (generally 2 to 6 weeks); long-term use of hypnotics is not recommended",
        [
            new("sleep-aids.insomnia-evaluated", "Insomnia documented and evaluated (sleep onset, maintenance, quality, next-day function)", Source, true,
                c => Find.Phrase(c.Record, Insomnia())),
            new("sleep-aids.short-term", "Short-term use: not a continuation of long-term hypnotic use", Source, true,
                c => Find.Absent(Find.Facts(c.Record.Medications, m => m.Class == DrugClass.Hypnotic && !m.IsClassMention && m.Assertion is Assertion.Present or Assertion.Historical))),
            new("sleep-aids.not-compounded", "Not a compounded product", "MTUS Chronic Pain Medical Treatment 2016, Compound drugs", true,
                c => CriterionOutcome.When(!(Compound().IsMatch(c.Treatment)))),
        ]);

    [GeneratedRegex(@"insomnia|difficulty (?:sleeping|falling asleep|staying asleep)|sleep (?:disturbance|disorder|difficult\w*|problems|onset|maintenance)|trouble sleeping|poor sleep", RegexOptions.IgnoreCase)]
    private static partial Regex Insomnia();

    [GeneratedRegex(@"compound\w*|suspension|\bkit\b|cream", RegexOptions.IgnoreCase)]
    private static partial Regex Compound();
}
