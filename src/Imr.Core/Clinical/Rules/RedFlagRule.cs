using System.Text.RegularExpressions;

namespace Imr.Clinical.Rules;

/// <summary>Red flags for serious pathology (ACOEM): cauda equina, bowel or bladder dysfunction, progressive deficit, fracture, tumour, infection, fever, weight loss.</summary>
internal static partial class RedFlagRule
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const string FlagHead = @"\b(?:";
    private const string FlagTail = @")\b";
    private const string FlagGeneric = @"(?<generic>red[- ]flags?(?:\s+(?:signs?|symptoms?|conditions?|findings?))?)";
    private const string FlagCauda = @"(?<cauda>cauda\s+equina(?:\s+syndrome)?|saddle\s+(?:an(?:a)?esthesia|numbness|paresthesias?))";
    private const string FlagBowel = @"(?<bowel>(?:bowel|bladder)(?:\s*(?:and|or|/|&)\s*(?:bowel|bladder))?\s+(?:dysfunction|incontinence|changes|problems|symptoms|control|retention|involvement|issues|difficulties)|(?:urinary|fecal|bowel|bladder)\s+(?:incontinence|retention)|incontinence|loss\s+of\s+(?:bowel|bladder)(?:\s+(?:or|and)\s+(?:bowel|bladder))?(?:\s+control|\s+function)?)";
    private const string FlagProgressive = @"(?<progressive>(?:rapidly\s+)?progressive(?:ly)?\s+(?:worsening\s+)?(?:neurologic(?:al)?\s+(?:deficits?|dysfunction|symptoms|signs|decline|changes?|loss|findings?)|weakness|numbness|motor\s+(?:deficits?|weakness|loss)|sensory\s+(?:deficits?|loss)|myelopathy|paralysis))";
    private const string FlagFracture = @"(?<fracture>(?:compression\s+|stress\s+|pathologic(?:al)?\s+)?fractures?|fractured)";
    private const string FlagTumor = @"(?<tumor>tumou?rs?|cancers?|malignan(?:cy|cies|t)|neoplas(?:m|ms|tic)|metasta(?:sis|ses|tic)|carcinomas?|lymphomas?|myelomas?|sarcomas?)";
    private const string FlagInfection = @"(?<infection>infections?|infected|osteomyelitis|dis[ck]itis|(?:epidural\s+)?abscess(?:es)?|sepsis|septic)";
    private const string FlagFever = @"(?<fever>fevers?|febrile|night\s+sweats)";
    private const string FlagWeight = @"(?<weight>(?:unexplained|unintentional|unintended|significant|recent)\s+weight\s+loss|weight\s+loss)";
    private const string FlagsPattern =
        FlagHead + FlagGeneric + "|" + FlagCauda + "|" + FlagBowel + "|" + FlagProgressive + "|" + FlagFracture + "|" + FlagTumor + "|" + FlagInfection + "|" + FlagFever + "|" + FlagWeight + FlagTail;

    [GeneratedRegex(@"\G(?:" + FlagHead + FlagGeneric + FlagTail + ")", Options)]
    private static partial Regex RedFlagRegexGeneric();

    [GeneratedRegex(@"\G(?:" + FlagHead + FlagCauda + FlagTail + ")", Options)]
    private static partial Regex RedFlagRegexCauda();

    [GeneratedRegex(@"\G(?:" + FlagHead + FlagBowel + FlagTail + ")", Options)]
    private static partial Regex RedFlagRegexBowel();

    [GeneratedRegex(@"\G(?:" + FlagHead + FlagProgressive + FlagTail + ")", Options)]
    private static partial Regex RedFlagRegexProgressive();

    [GeneratedRegex(@"\G(?:" + FlagHead + FlagFracture + FlagTail + ")", Options)]
    private static partial Regex RedFlagRegexFracture();

    [GeneratedRegex(@"\G(?:" + FlagHead + FlagTumor + FlagTail + ")", Options)]
    private static partial Regex RedFlagRegexTumor();

    [GeneratedRegex(@"\G(?:" + FlagHead + FlagInfection + FlagTail + ")", Options)]
    private static partial Regex RedFlagRegexInfection();

    [GeneratedRegex(@"\G(?:" + FlagHead + FlagFever + FlagTail + ")", Options)]
    private static partial Regex RedFlagRegexFever();

    [GeneratedRegex(@"\G(?:" + FlagHead + FlagWeight + FlagTail + ")", Options)]
    private static partial Regex RedFlagRegexWeight();

    internal static readonly AnchoredPattern Flags = new("red flag", [RedFlagRegexGeneric, RedFlagRegexCauda, RedFlagRegexBowel, RedFlagRegexProgressive, RedFlagRegexFracture, RedFlagRegexTumor, RedFlagRegexInfection, RedFlagRegexFever, RedFlagRegexWeight], FlagsPattern, Options, atNumbers: false,
        "red cauda saddle bowel bladder urinary fecal incontinence loss rapidly progressive progressively compression stress pathologic pathological fracture fractures fractured tumor tumors tumour tumours cancer cancers malignancy malignancies malignant neoplasm neoplasms neoplastic metastasis metastases metastatic carcinoma carcinomas lymphoma lymphomas myeloma myelomas sarcoma sarcomas infection infections infected osteomyelitis discitis diskitis epidural abscess abscesses sepsis septic fever fevers febrile night unexplained unintentional unintended significant recent weight");

    private static readonly (string Group, RedFlagKind Kind)[] Kinds =
    [
        ("generic", RedFlagKind.Unspecified), ("cauda", RedFlagKind.CaudaEquina), ("bowel", RedFlagKind.BowelBladderDysfunction),
        ("progressive", RedFlagKind.ProgressiveNeurologicalDeficit), ("fracture", RedFlagKind.Fracture), ("tumor", RedFlagKind.Tumor),
        ("infection", RedFlagKind.Infection), ("fever", RedFlagKind.Fever), ("weight", RedFlagKind.WeightLoss),
    ];

    public static AnchoredPattern[] Patterns => [Flags];

    public static void Extract(Document doc)
    {
        foreach (var m in doc.Matches(Flags))
        {
            var kind = RedFlagKind.Unspecified;
            foreach (var (group, k) in Kinds)
                if (m.Groups[group].Success) { kind = k; break; }
            // A condition is not requested: "physical therapy for left foot fracture was the original request" still
            // states a fracture.
            var (assertion, subject) = doc.Context.Assess(m.Index, m.Index + m.Length, ignore: TriggerType.Hypothetical);
            doc.RedFlags.Add(new RedFlag { Evidence = doc.Evidence(m.Index, m.Index + m.Length), Kind = kind, Assertion = assertion, Subject = subject });
        }
    }
}
