using System.Text.RegularExpressions;
using Imr.Clinical;

namespace Imr.DecisionSupport.Knowledge;

/// <summary>
/// The building blocks criteria are written with, so that a policy reads as a list of checks: look for facts the
/// record affirms (met), denies (not met) or does not mention (not documented).
/// </summary>
public static partial class Find
{
    /// <summary>Met when the record affirms a matching fact; not met when it only denies one; otherwise not documented.</summary>
    public static CriterionOutcome Facts<T>(IEnumerable<T> facts, Func<T, bool>? where = null) where T : ClinicalFact
    {
        var matching = facts.Where(f => f.Subject == Subject.Patient && (where?.Invoke(f) ?? true)).ToList();
        var affirmed = matching.Where(f => f.IsAffirmed).ToList();
        if (affirmed.Count > 0) return CriterionOutcome.Met(affirmed.Select(f => f.Evidence));
        var negated = matching.Where(f => f.Assertion == Assertion.Negated).ToList();
        return negated.Count > 0 ? CriterionOutcome.NotMet(negated.Select(f => f.Evidence)) : CriterionOutcome.NotDocumented;
    }

    /// <summary>
    /// Words of the record matching <paramref name="pattern"/>: met when a sentence states them, not met when every
    /// mention is negated ("no", "not", "without", "denies", "lack of" shortly before). For what the fact extractor
    /// does not model (a home exercise program, an authorized surgery).
    /// </summary>
    public static CriterionOutcome Phrase(ClinicalRecord record, Regex pattern)
    {
        var met = new List<Evidence>();
        var negated = new List<Evidence>();
        foreach (Match m in pattern.Matches(record.Text))
        {
            var evidence = new Evidence(m.Value, m.Index, m.Length);
            var before = record.Text[Math.Max(0, m.Index - 70)..m.Index];
            var sentenceStart = before.LastIndexOfAny(['.', ';']);
            if (sentenceStart >= 0) before = before[(sentenceStart + 1)..];
            (Negation().IsMatch(before) ? negated : met).Add(evidence);
        }
        if (met.Count > 0) return CriterionOutcome.Met(met);
        return negated.Count > 0 ? CriterionOutcome.NotMet(negated) : CriterionOutcome.NotDocumented;
    }

    /// <summary>The first met of several ways to satisfy a criterion; else the first not met; else not documented.</summary>
    public static CriterionOutcome AnyOf(params CriterionOutcome[] outcomes) =>
        outcomes.FirstOrDefault(o => o.Status == CriterionStatus.Met)
        ?? outcomes.FirstOrDefault(o => o.Status == CriterionStatus.NotMet)
        ?? CriterionOutcome.NotDocumented;

    /// <summary>
    /// For criteria that ask for the absence of something (no aberrant behaviour, no prior study): met when the record
    /// does not affirm it, not met (with its words) when it does.
    /// </summary>
    public static CriterionOutcome Absent(CriterionOutcome presence) => presence.Status == CriterionStatus.Met
        ? new CriterionOutcome(CriterionStatus.NotMet, presence.Evidence)
        : new CriterionOutcome(CriterionStatus.Met, presence.Evidence);

    /// <summary>Prior treatments of these kinds that the record affirms.</summary>
    public static IEnumerable<Treatment> Prior(ClinicalRecord record, params TreatmentKind[] kinds) =>
        record.Treatments.Where(t => kinds.Contains(t.Kind) && t.IsAffirmed && t.Subject == Subject.Patient);

    /// <summary>Failed conservative care: a conservative treatment without benefit, or the record's own words for it.</summary>
    /// <remarks>
    /// Besides the record's own words ("failed conservative care", "no improvement with therapy"), the reviewers read a
    /// failure where the record lists conservative treatment received (therapy, exercise, medication, activity
    /// modification) and the symptoms persist unchanged, with no benefit reported from any of it.
    /// </remarks>
    public static CriterionOutcome FailedConservativeCare(ClinicalRecord record) => AnyOf(
        Facts(record.Treatments, t => t.Kind is not (TreatmentKind.Surgery) && t.Outcome == TreatmentOutcome.NoImprovement),
        Phrase(record, FailedCare()),
        PersistingDespiteCare(record));

    private static readonly TreatmentKind[] Conservative =
    [
        TreatmentKind.PhysicalTherapy, TreatmentKind.OccupationalTherapy, TreatmentKind.Chiropractic, TreatmentKind.Acupuncture,
        TreatmentKind.HomeExercise, TreatmentKind.ConservativeCare, TreatmentKind.ActivityModification,
    ];

    private static CriterionOutcome PersistingDespiteCare(ClinicalRecord record)
    {
        var received = Prior(record, Conservative).ToList();
        if (received.Count == 0 || received.Any(t => t.Outcome == TreatmentOutcome.Improved)) return CriterionOutcome.NotDocumented;
        if (record.FunctionalImprovements.Any(f => f.IsAffirmed)) return CriterionOutcome.NotDocumented;
        var persisting = Phrase(record, Persisting());
        return persisting.Status == CriterionStatus.Met
            ? CriterionOutcome.Met([.. received.Take(1).Select(t => t.Evidence), .. persisting.Evidence.Take(1).Select(e => new Evidence(e.Text, e.Start, e.Length))])
            : CriterionOutcome.NotDocumented;
    }

    [GeneratedRegex(@"(?:persistent|persisting|ongoing|continued|continues to (?:have|report|complain of)|unchanged|no change[sd]? in) (?:\w+ ){0,3}(?:pain|symptoms|complaints)|(?:pain|symptoms) (?:persist\w*|(?:are|is|remain\w*) unchanged)", RegexOptions.IgnoreCase)]
    private static partial Regex Persisting();

    /// <summary>The number of sessions or units a request names: "x 6", "6 sessions", "2x4" (8), "twice a week for 6 weeks" (12).</summary>
    public static int? RequestedCount(string treatment)
    {
        var times = TimesWeeks().Match(treatment);
        if (times.Success) return int.Parse(times.Groups[1].Value) * int.Parse(times.Groups[2].Value);
        var twice = PerWeekFor().Match(treatment);
        if (twice.Success)
        {
            var perWeek = twice.Groups[1].Value.ToLowerInvariant() switch { "once" or "one" => 1, "twice" or "two" => 2, "three" => 3, var n => int.TryParse(n, out var v) ? v : 0 };
            return perWeek * int.Parse(twice.Groups[2].Value);
        }
        var sessions = Sessions().Match(treatment);
        if (sessions.Success) return int.Parse(sessions.Groups[1].Value);
        var words = WordSessions().Match(treatment);
        if (words.Success) return Array.IndexOf(NumberWords, words.Groups[1].Value.ToLowerInvariant()) + 1;
        var qty = Quantity().Match(treatment);
        return qty.Success ? int.Parse(qty.Groups[1].Value) : null;
    }

    [GeneratedRegex(@"\b(?:no|not|non|without|denie[sd]|deny|lack(?:ed|s|ing)?(?: of)?|absence of|negative for|free of|neither|nor)\b[^.;]{0,60}$", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();

    [GeneratedRegex(@"fail(?:ed|ure)(?: of| to respond to)? (?:\w+ ){0,3}(?:conservative|physical therapy|therapy|treatment|medications?|care)|(?:despite|refractory to|without (?:significant |lasting )?(?:relief|improvement|benefit) (?:from|with)) (?:\w+ ){0,3}(?:conservative|therapy|treatment|medications?|physical therapy|care|injections?)|(?:no|minimal|little|without) (?:significant |lasting )?(?:relief|improvement|benefit) (?:from|with) (?:\w+ ){0,3}(?:conservative|therapy|treatment|medications?|physical therapy|care|injections?)|persistent (?:\w+ ){0,2}(?:pain|symptoms) (?:despite|after)", RegexOptions.IgnoreCase)]
    internal static partial Regex FailedCare();

    [GeneratedRegex(@"\b(\d{1,2})\s*(?:x|times|×)\s*(?:a week|weekly|per week|/week|wk)?\s*(?:x|for|×)?\s*(\d{1,2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimesWeeks();

    [GeneratedRegex(@"\b(once|one|twice|two|three|\d)\s+(?:times\s+)?(?:a|per)\s+week\s+for\s+(\d{1,2})\s+weeks", RegexOptions.IgnoreCase)]
    private static partial Regex PerWeekFor();

    [GeneratedRegex(@"\b(\d{1,2})\s*(?:sessions?|visits?|treatments?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Sessions();

    private static readonly string[] NumberWords =
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    [GeneratedRegex(@"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:[\w-]+\s+){0,3}(?:sessions?|visits?|treatments?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WordSessions();

    [GeneratedRegex(@"(?:\bx|#|\bqty:?|\bquantity:?)\s*(\d{1,3})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Quantity();
}
