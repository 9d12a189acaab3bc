using System.Text.RegularExpressions;
using Imr.Clinical;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>Anticonvulsants for pain: MTUS CPMTG (2016), Antiepilepsy drugs (AEDs), pages 16-22; Gabapentin (Neurontin),
/// Lyrica (pregabalin).</summary>
public static partial class Anticonvulsants
{
    private const string Source = "MTUS Chronic Pain Medical Treatment 2016, Antiepilepsy drugs (AEDs) (pages 16-22)";

    public static Policy Policy { get; } = new(
        "anticonvulsants",
        ["anticonvulsants"],
        Chapters.Cpmtg("Antiepilepsy drugs (AEDs)"),
        EvidenceLevel.Mtus,
        "recommend antiepilepsy drugs for neuropathic pain (pain due to nerve damage); a good response is a 50% reduction in pain and a moderate response 30%, and continued use requires documentation of pain relief and improvement in function; they are not recommended for myofascial or mechanical pain without a neuropathic component, nor in compounded topical products",
        [
            new("anticonvulsants.oral", "Tablets or capsules (not a topical, compounded or oral-suspension product, unless tablets cannot be taken)", "MTUS Chronic Pain Medical Treatment 2016, Topical analgesics; Compound drugs", true,
                c => CriterionOutcome.When(!(Topical().IsMatch(c.Treatment)))),
            new("anticonvulsants.neuropathic", "Neuropathic pain (radiculopathy, neuropathy, CRPS, post-herpetic neuralgia)", Source, true, Checks.NeuropathicPain),
            new("anticonvulsants.efficacy", "A first trial, or at least 30% pain relief and functional improvement from the anticonvulsant already taken", Source, true,
                c => Checks.EfficacyIfContinued(c, DrugClass.Anticonvulsant)),
        ],
        Cites: c => [Chapters.Cpmtg(Topical().IsMatch(c.Treatment) ? ["Compound drugs", "Topical analgesics"]
            : Gabapentin().IsMatch(c.Treatment) ? ["Antiepilepsy drugs (AEDs)", "Gabapentin (Neurontin)"]
            : Pregabalin().IsMatch(c.Treatment) ? ["Antiepilepsy drugs (AEDs)", "Lyrica (pregabalin)"]
            : ["Antiepilepsy drugs (AEDs)"])]);

    [GeneratedRegex(@"cream|gel|ointment|lotion|topical|compound\w*|transdermal|patch|suspension|fanatrex|\bkit\b", RegexOptions.IgnoreCase)]
    private static partial Regex Topical();

    [GeneratedRegex(@"gabapentin|neurontin|gralise|horizant", RegexOptions.IgnoreCase)]
    private static partial Regex Gabapentin();

    [GeneratedRegex(@"pregabalin|lyrica", RegexOptions.IgnoreCase)]
    private static partial Regex Pregabalin();
}
