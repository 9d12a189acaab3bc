using Imr.Letters.Citations;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>
/// Which part of the MTUS governs a body region, as the reviewers cite it: the ACOEM chapter of the region (Neck and
/// Upper Back, Low Back, Shoulder, Elbow, Forearm/Wrist/Hand, Knee, Ankle and Foot) for imaging, surgery, injections and
/// physical methods; the Chronic Pain Medical Treatment Guidelines for medications and the chronic-pain therapies.
/// </summary>
internal static class Chapters
{
    public const string ChronicPain = "Chronic Pain Medical Treatment";
    public const int ChronicPainYear = 2016;

    /// <summary>The ACOEM chapter (MTUS part name and year as the letters cite it) of a taxonomy body region; null for
    /// regions no chapter covers (hip, head, trunk).</summary>
    public static (string Guideline, int Year)? For(string? region) => region switch
    {
        "cervical" or "thoracic" => ("Neck and Upper Back Complaints", 2004),
        "lumbar" or "spine" or "pelvis" => ("Low Back Complaints", 2004),
        "shoulder" => ("Shoulder Complaints", 2004),
        "elbow" => ("Elbow Complaints", 2007),
        "wrist-hand" => ("Forearm, Wrist, and Hand Complaints", 2004),
        "knee" => ("Knee Complaints", 2004),
        "ankle-foot" => ("Ankle and Foot Complaints", 2004),
        _ => null,
    };

    /// <summary>The region's chapter and section (e.g. "Special Studies"), then <paramref name="also"/>; only
    /// <paramref name="also"/> when no chapter covers the region.</summary>
    public static IReadOnlyList<Citation> Cite(CriterionContext c, string section, params Citation[] also) => Cite(c, [section], also);

    /// <summary>The region's chapter with several sections (the section and the chapter's Summary table), then
    /// <paramref name="also"/>.</summary>
    public static IReadOnlyList<Citation> Cite(CriterionContext c, string[] sections, params Citation[] also) =>
        For(c.Classification.BodyRegion?.Id) is { } chapter ? [Policy.Mtus(chapter.Guideline, chapter.Year, sections), .. also] : also;

    /// <summary>A section of the Chronic Pain Medical Treatment Guidelines (2016).</summary>
    public static MtusCitation Cpmtg(params string[] sections) => Policy.Mtus(ChronicPain, ChronicPainYear, sections);
}
