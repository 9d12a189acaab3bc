using System.Text.RegularExpressions;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>
/// Services that go with a surgery (pre-operative clearance and tests, post-operative equipment and care). Their
/// necessity follows the surgery's: the reviewers reason that an associated service is necessary only when the surgery
/// is. Pre-operative testing is then guided by age and comorbidity (non-MTUS: ODG Low Back, Preoperative testing).
/// </summary>
public static partial class SurgicalAdjuncts
{
    private const string Source = "Non-MTUS: Official Disability Guidelines (ODG), Preoperative testing, general; the primary procedure's guideline";

    public static Policy Policy { get; } = new(
        "surgical-adjuncts",
        ["surgical-adjuncts"],
        Policy.NonMtus(Letters.Citations.NonMtusSource.Odg, "Official Disability Guidelines (ODG) Low Back, Preoperative testing, general"),
        EvidenceLevel.PeerReviewed,
        "state that pre-operative testing is guided by the patient's clinical history, comorbidities and physical examination findings, and services associated with a surgery are necessary only when the surgery itself is medically necessary",
        [
            new("surgical-adjuncts.surgery-authorized", "The associated surgery has been authorized or found medically necessary", Source, true,
                c => Find.Phrase(c.Record, Authorized())),
        ]);

    [GeneratedRegex(@"(?:surgery|procedure|arthroscop\w+|repair|fusion|decompression|replacement|release|discectomy|laminectomy|arthroplasty)[^.]{0,60}\b(?:was|were|has been|had been|is|been) (?:certified|authorized|approved|overturned)|(?:certified|authorized|approved) (?:the )?(?:\w+ ){0,4}(?:surgery|procedure|arthroscopy|repair|fusion|decompression|replacement|release|arthroplasty)|scheduled for (?:\w+ ){0,4}(?:surgery|arthroscopy|fusion|decompression|replacement|release|arthroplasty)", RegexOptions.IgnoreCase)]
    private static partial Regex Authorized();
}
