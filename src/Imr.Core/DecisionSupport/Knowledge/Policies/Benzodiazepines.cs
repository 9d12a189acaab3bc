using System.Text.RegularExpressions;
using Imr.Clinical;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>Benzodiazepines: MTUS CPMTG (2016), Benzodiazepines (page 24).</summary>
public static partial class Benzodiazepines
{
    private const string Source = "MTUS Chronic Pain Medical Treatment 2016, Benzodiazepines (page 24)";

    public static Policy Policy { get; } = new(
        "benzodiazepines",
        ["benzodiazepines"],
        Chapters.Cpmtg("Benzodiazepines"),
        EvidenceLevel.Mtus,
        "do not recommend benzodiazepines for long-term use because long-term efficacy is unproven and there is a risk of dependence; most guidelines limit use to 4 weeks",
        [
            new("benzodiazepines.short-term", "Short-term use (up to 4 weeks): not a continuation of long-term use", Source, true,
                c => Find.Absent(Find.Facts(c.Record.Medications, m => m.Class == DrugClass.Benzodiazepine && !m.IsClassMention && m.Assertion is Assertion.Present or Assertion.Historical))),
            new("benzodiazepines.indication", "An indication for short-term use (acute anxiety, muscle spasm)", Source, true,
                c => Find.Phrase(c.Record, Anxiety())),
        ]);

    [GeneratedRegex(@"anxiety|panic|muscle spasm|spasms", RegexOptions.IgnoreCase)]
    private static partial Regex Anxiety();
}
