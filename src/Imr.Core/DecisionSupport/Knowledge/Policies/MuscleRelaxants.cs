using System.Text.RegularExpressions;
using Imr.Clinical;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>Muscle relaxants: MTUS Chronic Pain Medical Treatment Guidelines (2016), Muscle relaxants (for pain).</summary>
public static partial class MuscleRelaxants
{
    private const string Source = "MTUS Chronic Pain Medical Treatment 2016, Muscle relaxants (for pain) (pages 63-66)";

    public static Policy Policy { get; } = new(
        "muscle-relaxants",
        ["muscle-relaxants"],
        Policy.Mtus("Chronic Pain Medical Treatment", 2016, "Muscle relaxants (for pain)"),
        EvidenceLevel.Mtus,
        "recommend non-sedating muscle relaxants with caution as a second-line option for short-term treatment of acute exacerbations in patients with chronic low back pain; efficacy diminishes over time and prolonged use may lead to dependence",
        [
            new("muscle-relaxants.not-compounded", "Not a compounded product (compound drugs are not recommended when the drug is available in tablet form)",
                "MTUS Chronic Pain Medical Treatment 2016, Compound drugs", true,
                c => CriterionOutcome.When(!(Compounded().IsMatch(c.Treatment)))),
            new("muscle-relaxants.acute-exacerbation", "An acute exacerbation or muscle spasm being treated", Source, true,
                c => Find.Phrase(c.Record, Exacerbation())),
            new("muscle-relaxants.short-term", "Short-term use (2 to 3 weeks), not a continuation of long-term use", Source, true,
                // A supply of 30 or more tablets is a month or more at usual dosing: beyond the short course the guideline allows.
                c => Find.RequestedCount(c.Treatment) is >= 30 ? new CriterionOutcome(CriterionStatus.NotMet, []) : Find.Absent(Find.Facts(c.Record.Medications, m => m.Class == DrugClass.MuscleRelaxant && m.Assertion != Assertion.Hypothetical
                    && !m.IsClassMention))),
        ],
        Cites: c => [Chapters.Cpmtg([Compounded().IsMatch(c.Treatment) ? "Compound drugs" : "Muscle relaxants (for pain)", .. DrugSection(c.Treatment)])]);

    private static string[] DrugSection(string treatment) =>
        Cyclobenzaprine().IsMatch(treatment) ? ["Cyclobenzaprine (Flexeril)"]
        : Tizanidine().IsMatch(treatment) ? ["Tizanidine (Zanaflex)"]
        : Carisoprodol().IsMatch(treatment) ? ["Carisoprodol (Soma)"]
        : Orphenadrine().IsMatch(treatment) ? ["Orphenadrine"]
        : [];

    [GeneratedRegex(@"cyclobenzaprine|flexeril|fexmid|amrix", RegexOptions.IgnoreCase)]
    private static partial Regex Cyclobenzaprine();

    [GeneratedRegex(@"tizanidine|zanaflex", RegexOptions.IgnoreCase)]
    private static partial Regex Tizanidine();

    [GeneratedRegex(@"carisoprodol|\bsoma\b", RegexOptions.IgnoreCase)]
    private static partial Regex Carisoprodol();

    [GeneratedRegex(@"orphenadrine|norflex", RegexOptions.IgnoreCase)]
    private static partial Regex Orphenadrine();

    [GeneratedRegex(@"compound\w*|tabradol|suspension|\bkit\b", RegexOptions.IgnoreCase)]
    private static partial Regex Compounded();

    [GeneratedRegex(@"acute (?:exacerbation|flare)|flare[- ]up|(?:muscle |paraspinal |para-spinal )?spasms?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Exacerbation();
}
