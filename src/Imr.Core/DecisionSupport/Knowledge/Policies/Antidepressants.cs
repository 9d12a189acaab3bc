using System.Text.RegularExpressions;
using Imr.Clinical;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>Antidepressants for pain: MTUS CPMTG (2016), Antidepressants for chronic pain (pages 13-16).</summary>
public static partial class Antidepressants
{
    private const string Source = "MTUS Chronic Pain Medical Treatment 2016, Antidepressants for chronic pain (pages 13-16)";

    public static Policy Policy { get; } = new(
        "antidepressants",
        ["antidepressants"],
        Chapters.Cpmtg("Antidepressants for chronic pain"),
        EvidenceLevel.Mtus,
        "recommend antidepressants as a first-line option for neuropathic pain and as a possibility for non-neuropathic pain (tricyclics unless ineffective, poorly tolerated or contraindicated); assessment of treatment efficacy should include pain outcomes, function, changes in other analgesic use, sleep quality and psychological assessment",
        [
            new("antidepressants.indication", "Neuropathic pain, or depression accompanying chronic pain", Source, true,
                c => Find.AnyOf(Checks.NeuropathicPain(c), Find.Phrase(c.Record, Mood()))),
            new("antidepressants.efficacy", "A first trial, or documented pain relief and functional improvement from the antidepressant already taken", Source, true,
                c => Checks.EfficacyIfContinued(c, DrugClass.Antidepressant)),
        ],
        Cites: c => [Chapters.Cpmtg(["Antidepressants for chronic pain", .. Duloxetine().IsMatch(c.Treatment) ? ["Duloxetine (Cymbalta)"] : Array.Empty<string>()])]);

    [GeneratedRegex(@"depress\w*|major depressive|dysthymi\w*", RegexOptions.IgnoreCase)]
    internal static partial Regex Mood();

    [GeneratedRegex(@"duloxetine|cymbalta", RegexOptions.IgnoreCase)]
    private static partial Regex Duloxetine();
}
