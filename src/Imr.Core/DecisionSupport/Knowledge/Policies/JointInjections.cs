using System.Text.RegularExpressions;
using Imr.Clinical;
using Imr.Letters.Citations;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>
/// Joint and soft-tissue injections: intra-articular and bursal corticosteroid, viscosupplementation (hyaluronic acid)
/// and platelet-rich plasma and other biologics. MTUS ACOEM Knee Complaints (2004), Summary (Table 13-6: invasive
/// techniques such as cortisone injections are not routinely indicated); Shoulder Complaints (2004), Initial Care and
/// Summary (a subacromial corticosteroid injection after two to three weeks of conservative therapy, two or three
/// injections over an extended period); for what the ACOEM chapters do not address, ODG Knee &amp; Leg, Shoulder and Hip
/// &amp; Pelvis: corticosteroid injections for symptomatic osteoarthritis not controlled by conservative treatment, a
/// repeat only after more than 50% relief for six to eight weeks; hyaluronic acid only for severe osteoarthritis of the
/// knee after failed conservative treatment (not for other joints); platelet-rich plasma, stem cells and prolotherapy
/// not recommended outside research.
/// </summary>
public static partial class JointInjections
{
    private const string AcoemSource = "MTUS Knee Complaints 2004, Initial Care (page 339) and Summary (Table 13-6); Shoulder Complaints 2004, Initial Care (page 204) and Summary (Table 9-6)";
    private const string OdgSource = "ODG Knee & Leg, Shoulder and Hip & Pelvis: Corticosteroid injections; Hyaluronic acid injections; Platelet-rich plasma (PRP)";

    public static Policy Policy { get; } = new(
        "joint-injections",
        ["joint-injections"],
        Policy.Mtus("Knee Complaints", 2004, "Initial Care"),
        EvidenceLevel.Mtus,
        "state that invasive techniques such as cortisone injections are not routinely indicated, but support a corticosteroid injection for a symptomatic joint (osteoarthritis, bursitis, impingement) after conservative therapy has failed, with a repeat only after more than 50% relief lasting six to eight weeks; hyaluronic acid injections are reserved for severe osteoarthritis of the knee not responding to conservative treatment, and platelet-rich plasma, stem cell and prolotherapy injections are not recommended",
        [
            new("joint-injections.recommended-agent", "An injectable the guidelines recommend: not platelet-rich plasma, stem cells, amniotic tissue or prolotherapy; hyaluronic acid only into the knee", OdgSource, true,
                c => CriterionOutcome.When(AgentRecommended(c.Treatment, c.Classification.BodyRegion?.Id))),
            new("joint-injections.indication", "A documented indication in the joint: osteoarthritis (severe, for hyaluronic acid), bursitis, impingement, tendinitis, capsulitis or synovitis", AcoemSource + "; " + OdgSource, true,
                Indication),
            new("joint-injections.failed-conservative-care", "Symptoms not controlled by conservative treatment (exercise or therapy, NSAIDs or acetaminophen), for two to three weeks (shoulder) to three months (hyaluronic acid)", AcoemSource + "; " + OdgSource, true,
                Checks.FailedConservativeCare),
            new("joint-injections.repeat-response", "A first injection, or for a repeat one more than 50% relief lasting six to eight weeks with functional improvement", OdgSource, true,
                RepeatResponse),
        ],
        Cites: CitationsFor);

    /// <summary>A corticosteroid injection cites the ACOEM chapter of the region, Initial Care (where the chapters
    /// address injections), or ODG where no chapter covers the region; hyaluronic acid and biologics, which the ACOEM
    /// chapters of the MTUS do not address, cite ODG (the next standard of Labor Code 4610.5(c)(2)).</summary>
    public static IReadOnlyList<Citation> CitationsFor(CriterionContext c)
    {
        var odg = Policy.NonMtus(NonMtusSource.Odg, $"Official Disability Guidelines (ODG) {OdgChapter(c.Classification.BodyRegion?.Id)}, {OdgTopic(c.Treatment)}");
        if (AgentOf(c.Treatment) != Agent.Corticosteroid) return [odg];
        var acoem = Chapters.Cite(c, "Initial Care");
        return acoem.Count > 0 ? acoem : [odg];
    }

    /// <summary>What the request injects.</summary>
    public enum Agent { Corticosteroid, HyaluronicAcid, Biologic }

    /// <summary>The agent a request names: platelet-rich plasma, stem cells, amniotic tissue or prolotherapy are
    /// biologics; viscosupplements hyaluronic acid; anything else (cortisone, a named steroid, a plain joint injection)
    /// a corticosteroid.</summary>
    public static Agent AgentOf(string treatment) =>
        Biologic().IsMatch(treatment) ? Agent.Biologic
        : Hyaluronic().IsMatch(treatment) ? Agent.HyaluronicAcid
        : Agent.Corticosteroid;

    /// <summary>Whether the guidelines recommend the agent for the region: never a biologic; hyaluronic acid only into
    /// the knee (ODG does not recommend it for the hip, shoulder or other joints).</summary>
    public static bool AgentRecommended(string treatment, string? region) => AgentOf(treatment) switch
    {
        Agent.Biologic => false,
        Agent.HyaluronicAcid => region is "knee",
        _ => true,
    };

    private static CriterionOutcome Indication(CriterionContext c) => AgentOf(c.Treatment) == Agent.HyaluronicAcid
        ? Find.Phrase(c.Record, SevereOsteoarthritis())
        : Find.Phrase(c.Record, SteroidIndication());

    /// <summary>Not applicable to a first injection; a repeat needs the relief of the earlier one. A retrospective request is
    /// for an injection already given, which the record names among the treatments: that mention alone does not make
    /// it a repeat.</summary>
    private static CriterionOutcome RepeatResponse(CriterionContext c) =>
        !Retrospective().IsMatch(c.Treatment) && Find.Prior(c.Record, TreatmentKind.JointInjection).Any()
            ? Find.Facts(c.Record.Reliefs, r => r.Percent is { Low: > 50 } && r.Duration is null or { MaxDays: >= 42 })
            : CriterionOutcome.NotApplicable;

    private static string OdgChapter(string? region) => region switch
    {
        "shoulder" => "Shoulder",
        "hip" or "pelvis" => "Hip & Pelvis",
        "elbow" => "Elbow",
        "wrist-hand" => "Forearm, Wrist & Hand",
        "ankle-foot" => "Ankle & Foot",
        _ => "Knee & Leg",
    };

    private static string OdgTopic(string treatment) => AgentOf(treatment) switch
    {
        Agent.Biologic => "Platelet-rich plasma (PRP)",
        Agent.HyaluronicAcid => "Hyaluronic acid injections",
        _ => "Corticosteroid injections",
    };

    [GeneratedRegex(@"\bretro(?:spective)?\b|\bDOS\b|date of service", RegexOptions.IgnoreCase)]
    private static partial Regex Retrospective();

    [GeneratedRegex(@"platelet[- ]rich|\bPRP\b|stem cells?|amniotic|prolotherapy", RegexOptions.IgnoreCase)]
    private static partial Regex Biologic();

    [GeneratedRegex(@"hyalur\w*|viscosupplement\w*|synvisc|orthovisc|euflexxa|supartz|hyalgan|gel-?one|monovisc|durolane|genvisc|trivisc|visco-3|gelsyn|hymovis", RegexOptions.IgnoreCase)]
    private static partial Regex Hyaluronic();

    [GeneratedRegex(@"(?:severe|advanced|end[- ]stage|tricompartmental|bone[- ]on[- ]bone|grade (?:III|IV|3|4))[^.;]{0,60}(?:osteoarthritis|arthritis|arthrosis|degenerative joint disease|DJD|chondromalacia|joint space)|(?:osteoarthritis|arthritis|arthrosis|degenerative joint disease|DJD|joint space narrowing)[^.;]{0,30}(?:severe|advanced|end[- ]stage|tricompartmental|bone[- ]on[- ]bone|grade (?:III|IV|3|4))|bone[- ]on[- ]bone|Kellgren[- ]Lawrence (?:grade )?(?:III|IV|3|4)", RegexOptions.IgnoreCase)]
    private static partial Regex SevereOsteoarthritis();

    [GeneratedRegex(@"osteoarthrit\w*|\barthritis|arthrosis|degenerative joint disease|\bDJD\b|chondromalacia|joint space narrowing|narrow\w* (?:\w+ ){0,2}joint space|\bmm (?:of )?joint space|osteophyt\w*|bone spurs?|bursitis|impingement|tendinitis|tendonitis|tendinosis|tendinopathy|capsulitis|frozen shoulder|synovitis|effusion|trigger finger|stenosing tenosynovitis|de Quervain", RegexOptions.IgnoreCase)]
    private static partial Regex SteroidIndication();
}
