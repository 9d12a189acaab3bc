using System.Text.RegularExpressions;
using Imr.Clinical;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>Proton pump inhibitors and other gastro-protection: MTUS CPMTG (2016), NSAIDs, GI symptoms &amp; cardiovascular risk.</summary>
public static partial class ProtonPumpInhibitors
{
    private const string Source = "MTUS Chronic Pain Medical Treatment 2016, NSAIDs, GI symptoms & cardiovascular risk (pages 68-69)";

    public static Policy Policy { get; } = new(
        "gi-protection",
        ["gi-protection"],
        Policy.Mtus("Chronic Pain Medical Treatment", 2016, "NSAIDs, GI symptoms & cardiovascular risk"),
        EvidenceLevel.Mtus,
        "recommend a proton pump inhibitor for patients taking NSAIDs who are at intermediate or high risk for gastrointestinal events: age over 65, a history of peptic ulcer, GI bleeding or perforation, concurrent use of aspirin, corticosteroids or an anticoagulant, or high-dose or multiple NSAIDs",
        [
            new("gi-protection.nsaid-use", "Current use of an NSAID that is itself medically necessary (when the NSAID is disputed in the same case, its necessity)", Source, true,
                c => Dependencies.FromPrimary(c) ?? Find.Facts(c.Record.Medications, m => m.Class == DrugClass.Nsaid && m.Assertion != Assertion.Hypothetical)),
            new("gi-protection.gi-risk", "A gastrointestinal risk factor or NSAID-induced dyspepsia (ulcer, bleeding, gastritis, reflux, age over 65, aspirin, steroids or anticoagulants)", Source, true,
                c => Find.Phrase(c.Record, GiRisk())),
        ],
        Cites: _ => [Chapters.Cpmtg("NSAIDs, GI symptoms & cardiovascular risk", "Proton Pump Inhibitors (PPIs)")]);

    /// <summary>Gastrointestinal risk factors and NSAID-induced symptoms, for the policies that need them.</summary>
    internal static Regex GiRiskPattern() => GiRisk();

    [GeneratedRegex(@"\b(?:gastritis|GERD|gastro-?esophageal reflux|acid reflux|reflux|dyspepsia|heartburn|peptic ulcer|ulcers?|GI bleed\w*|gastrointestinal (?:bleed\w*|upset|symptoms|distress|complaints)|GI (?:upset|symptoms|distress|complaints)|stomach (?:upset|pain|irritation)|upset stomach|epigastric|(?:6[6-9]|[7-9]\d)[- ]year[- ]old|anticoagula\w+|warfarin|Coumadin)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GiRisk();
}
