using System.Text.RegularExpressions;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>
/// Services that go with a surgery (pre-operative clearance and tests, assistant surgeon, post-operative equipment).
/// Their necessity follows the surgery's: the reviewers reason that an associated service is necessary only when the
/// surgery is (<see cref="Dependencies"/>). Pre-operative testing is then guided by age and comorbidity, and
/// post-operative cold therapy by its duration (non-MTUS: ODG Low Back, Preoperative testing, general; ODG Shoulder and
/// Knee, Continuous-flow cryotherapy).
/// </summary>
public static partial class SurgicalAdjuncts
{
    private const string Source = "Non-MTUS: Official Disability Guidelines (ODG), Preoperative testing, general; the primary procedure's guideline";
    private const string TestingSource = "Non-MTUS: ODG Low Back, Preoperative testing, general; Preoperative lab testing; Preoperative electrocardiogram (ECG)";
    private const string ColdSource = "Non-MTUS: ODG Shoulder / Knee, Continuous-flow cryotherapy (up to 7 days after surgery)";

    public static Policy Policy { get; } = new(
        "surgical-adjuncts",
        ["surgical-adjuncts"],
        Policy.NonMtus(Letters.Citations.NonMtusSource.Odg, "Official Disability Guidelines (ODG) Low Back, Preoperative testing, general"),
        EvidenceLevel.PeerReviewed,
        "state that pre-operative testing is guided by the patient's clinical history, comorbidities and physical examination findings, and services associated with a surgery are necessary only when the surgery itself is medically necessary",
        [
            new("surgical-adjuncts.surgery-authorized", "The associated surgery has been authorized or found medically necessary", Source, true,
                c => Dependencies.FromPrimary(c) ?? Find.Phrase(c.Record, Authorized())),
            new("surgical-adjuncts.specific-indication",
                "The service's own indication: pre-operative laboratory tests and clearance for patients over 50 or with comorbidity; an electrocardiogram for cardiac risk; coagulation studies for anticoagulant use or a bleeding disorder; cold therapy for no more than 7 days",
                TestingSource + "; " + ColdSource, true, SpecificIndication),
        ]);

    private static CriterionOutcome SpecificIndication(CriterionContext c)
    {
        var t = c.Treatment;
        if (Coagulation().IsMatch(t)) return Find.Phrase(c.Record, BleedingRisk());
        if (Electrocardiogram().IsMatch(t)) return Find.Phrase(c.Record, CardiacRisk());
        if (Cold().IsMatch(t))
            return CriterionOutcome.When(Find.RequestedCount(t) is <= 7 || SevenDays().IsMatch(t));
        if (Testing().IsMatch(t)) return Find.AnyOf(Find.Phrase(c.Record, OlderAge()), Find.Phrase(c.Record, Comorbidity()));
        return new CriterionOutcome(CriterionStatus.Met, []);
    }

    [GeneratedRegex(@"(?:surgery|procedure|arthroscop\w+|repair|fusion|decompression|replacement|release|discectomy|laminectomy|arthroplasty)[^.]{0,60}\b(?:was|were|has been|had been|is|been) (?:certified|authorized|approved|overturned)|(?:certified|authorized|approved) (?:the )?(?:\w+ ){0,4}(?:surgery|procedure|arthroscopy|repair|fusion|decompression|replacement|release|arthroplasty)|scheduled for (?:\w+ ){0,4}(?:surgery|arthroscopy|fusion|decompression|replacement|release|arthroplasty)", RegexOptions.IgnoreCase)]
    private static partial Regex Authorized();

    [GeneratedRegex(@"\bPTT?\b/|\bPTT\b|\bINR\b|prothrombin|coagulation", RegexOptions.IgnoreCase)]
    private static partial Regex Coagulation();

    [GeneratedRegex(@"\bEKG\b|\bECG\b|electrocardio", RegexOptions.IgnoreCase)]
    private static partial Regex Electrocardiogram();

    [GeneratedRegex(@"cold|cryo|ice", RegexOptions.IgnoreCase)]
    private static partial Regex Cold();

    [GeneratedRegex(@"\b(?:7|seven)[- ]days?", RegexOptions.IgnoreCase)]
    private static partial Regex SevenDays();

    [GeneratedRegex(@"\bCBC\b|\bBMP\b|\bCMP\b|blood count|metabolic panel|chemistr|\blabs?\b|laboratory|urinalysis|clearance|pre-?op\w* (?:medical )?evaluation", RegexOptions.IgnoreCase)]
    private static partial Regex Testing();

    [GeneratedRegex(@"anticoagula\w+|warfarin|coumadin|bleeding disorder|hemophilia|coagulopathy|liver disease", RegexOptions.IgnoreCase)]
    private static partial Regex BleedingRisk();

    [GeneratedRegex(@"coronary|heart disease|cardiac (?:disease|history)|arrhythmia|heart failure|myocardial infarction|angina|chest pain|diabet\w+", RegexOptions.IgnoreCase)]
    private static partial Regex CardiacRisk();

    [GeneratedRegex(@"\b(?:[5-9]\d)[- ]year[- ]old|\bage (?:[5-9]\d)\b|\baged (?:[5-9]\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OlderAge();

    [GeneratedRegex(@"diabet\w+|hypertension|kidney disease|renal (?:disease|insufficiency|failure)|anemi\w+|COPD|obes\w+|coronary|heart disease", RegexOptions.IgnoreCase)]
    private static partial Regex Comorbidity();
}
