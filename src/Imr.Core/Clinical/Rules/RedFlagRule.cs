using System.Text.RegularExpressions;

namespace Imr.Clinical.Rules;

/// <summary>Red flags for serious pathology (ACOEM): cauda equina, bowel or bladder dysfunction, progressive deficit, fracture, tumour, infection, fever, weight loss.</summary>
internal static partial class RedFlagRule
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const string FlagsPattern =
        @"\b(?:"
        + @"(?<generic>red[- ]flags?(?:\s+(?:signs?|symptoms?|conditions?|findings?))?)"
        + @"|(?<cauda>cauda\s+equina(?:\s+syndrome)?|saddle\s+(?:an(?:a)?esthesia|numbness|paresthesias?))"
        + @"|(?<bowel>(?:bowel|bladder)(?:\s*(?:and|or|/|&)\s*(?:bowel|bladder))?\s+(?:dysfunction|incontinence|changes|problems|symptoms|control|retention|involvement|issues|difficulties)|(?:urinary|fecal|bowel|bladder)\s+(?:incontinence|retention)|incontinence|loss\s+of\s+(?:bowel|bladder)(?:\s+(?:or|and)\s+(?:bowel|bladder))?(?:\s+control|\s+function)?)"
        + @"|(?<progressive>(?:rapidly\s+)?progressive(?:ly)?\s+(?:worsening\s+)?(?:neurologic(?:al)?\s+(?:deficits?|dysfunction|symptoms|signs|decline|changes?|loss|findings?)|weakness|numbness|motor\s+(?:deficits?|weakness|loss)|sensory\s+(?:deficits?|loss)|myelopathy|paralysis))"
        + @"|(?<fracture>(?:compression\s+|stress\s+|pathologic(?:al)?\s+)?fractures?|fractured)"
        + @"|(?<tumor>tumou?rs?|cancers?|malignan(?:cy|cies|t)|neoplas(?:m|ms|tic)|metasta(?:sis|ses|tic)|carcinomas?|lymphomas?|myelomas?|sarcomas?)"
        + @"|(?<infection>infections?|infected|osteomyelitis|dis[ck]itis|(?:epidural\s+)?abscess(?:es)?|sepsis|septic)"
        + @"|(?<fever>fevers?|febrile|night\s+sweats)"
        + @"|(?<weight>(?:unexplained|unintentional|unintended|significant|recent)\s+weight\s+loss|weight\s+loss)"
        + @")\b";

    [GeneratedRegex(@"\G" + FlagsPattern, Options)]
    private static partial Regex RedFlagRegex();

    internal static readonly AnchoredPattern Flags = new("red flag", RedFlagRegex, FlagsPattern, Options, atNumbers: false,
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
