using Imr.Letters.Model;

namespace Imr.Treatments;

/// <summary>
/// The category of one treatment text, and why: the taxonomy term that decided it and the words of
/// the text it matched. For imaging the modality; for every category the body regions named.
/// </summary>
/// <param name="Category">The category (the taxonomy's fallback, <c>other</c>, when nothing matched).</param>
/// <param name="MatchedTerm">The taxonomy term that decided, as the taxonomy writes it ("Norco",
/// "epidural steroid injection", or a suffix such as "-ectomy"); null when nothing matched.</param>
/// <param name="MatchedText">The words of the treatment text that matched <paramref name="MatchedTerm"/>.</param>
/// <param name="Modality">For imaging, the modality named first (null when the text names none).</param>
/// <param name="BodyRegions">Body regions named, in text order, without repeats.</param>
/// <param name="Rule">The precedence rule that changed the category, if any: a context id and the
/// words that triggered it (<c>perioperative: "Pre-operative"</c>) or a refinement id.</param>
public sealed record TreatmentClassification(
    TreatmentCategory Category,
    string? MatchedTerm,
    string? MatchedText,
    ImagingModality? Modality,
    ValueList<BodyRegion> BodyRegions,
    string? Rule)
{
    /// <summary>The first body region named (null when none).</summary>
    public BodyRegion? BodyRegion => BodyRegions.Count > 0 ? BodyRegions[0] : null;

    public override string ToString()
    {
        var text = Category.Id;
        if (Modality is not null) text += " " + Modality.Id;
        if (BodyRegions.Count > 0) text += " [" + string.Join(", ", BodyRegions.Select(r => r.Id)) + "]";
        if (MatchedTerm is not null) text += $" (\"{MatchedText}\" = {MatchedTerm})";
        if (Rule is not null) text += " by " + Rule;
        return text;
    }
}
