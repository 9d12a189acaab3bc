using System.Text.RegularExpressions;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>Topical and compounded analgesics: MTUS CPMTG (2016), Topical analgesics.</summary>
public static partial class TopicalAnalgesics
{
    private const string Source = "MTUS Chronic Pain Medical Treatment 2016, Topical analgesics (pages 111-113)";

    public static Policy Policy { get; } = new(
        "topical-analgesics",
        ["topical-analgesics"],
        Policy.Mtus("Chronic Pain Medical Treatment", 2016, "Topical analgesics"),
        EvidenceLevel.Mtus,
        "state that topical analgesics are largely experimental, with few randomized controlled trials, and primarily recommended for neuropathic pain when trials of antidepressants and anticonvulsants have failed; any compounded product that contains at least one drug (or drug class) that is not recommended is not recommended; topical NSAIDs are recommended for osteoarthritis of joints amenable to topical treatment",
        [
            new("topical-analgesics.recommended-ingredients",
                "Every ingredient is recommended in topical form (no compound with gabapentin, cyclobenzaprine, baclofen, other muscle relaxants, ketamine or lidocaine other than the patch)",
                Source, true,
                c => NotRecommended().IsMatch(c.Treatment) || Compounded().IsMatch(c.Treatment)
                    ? new CriterionOutcome(CriterionStatus.NotMet, [])
                    : new CriterionOutcome(CriterionStatus.Met, [])),
            new("topical-analgesics.indication",
                "The indication the product is recommended for: neuropathic pain after failed first-line antidepressants or anticonvulsants (lidocaine, capsaicin), or osteoarthritis of a superficial joint (topical NSAIDs)",
                Source, true,
                c => Nsaid().IsMatch(c.Treatment)
                    ? Find.Phrase(c.Record, Osteoarthritis())
                    : Find.Phrase(c.Record, FailedFirstLine())),
        ],
        Cites: c => [Chapters.Cpmtg(["Topical analgesics", .. Lidoderm().IsMatch(c.Treatment) ? ["Lidoderm (lidocaine patch)"] : Array.Empty<string>(),
            .. Flector().IsMatch(c.Treatment) ? ["Flector patch (diclofenac epolamine)"] : Array.Empty<string>()])]);

    [GeneratedRegex(@"lidoderm|lidocaine (?:5\s*%\s*)?patch", RegexOptions.IgnoreCase)]
    private static partial Regex Lidoderm();

    [GeneratedRegex(@"flector", RegexOptions.IgnoreCase)]
    private static partial Regex Flector();

    [GeneratedRegex(@"gabapentin|cyclobenzaprine|flexeril|baclofen|ketamine|tramadol|orphenadrine|amitriptyline|dextromethorphan|camphor|menthol|flurbiprofen|ketoprofen|lidocaine (?:cream|gel|ointment|lotion|\d+(?:\.\d+)?\s*%\s*(?:cream|gel|ointment))|terocin|lidopro|compound", RegexOptions.IgnoreCase)]
    private static partial Regex NotRecommended();

    [GeneratedRegex(@"/|\bwith\b|\band\b|\+", RegexOptions.IgnoreCase)]
    private static partial Regex Compounded();

    [GeneratedRegex(@"diclofenac|voltaren|pennsaid|flector|ibuprofen|naproxen", RegexOptions.IgnoreCase)]
    private static partial Regex Nsaid();

    [GeneratedRegex(@"osteoarthritis|degenerative joint disease|\bDJD\b|arthritis of the (?:knee|hand|wrist|elbow|ankle)", RegexOptions.IgnoreCase)]
    private static partial Regex Osteoarthritis();

    [GeneratedRegex(@"(?:fail\w*|intoleran\w*|not tolerat\w*|no (?:relief|benefit|improvement) (?:from|with))[^.]{0,60}(?:gabapentin|neurontin|pregabalin|lyrica|amitriptyline|nortriptyline|duloxetine|cymbalta|antidepressant|anticonvulsant)|(?:gabapentin|neurontin|pregabalin|lyrica|amitriptyline|duloxetine|cymbalta|antidepressant|anticonvulsant)\w*[^.]{0,40}(?:fail\w*|without (?:relief|benefit)|not tolerated|side effects|intoleran\w*)", RegexOptions.IgnoreCase)]
    private static partial Regex FailedFirstLine();
}
