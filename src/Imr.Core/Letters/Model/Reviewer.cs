using System.Text.Json.Serialization;

namespace Imr.Letters.Model;

/// <summary>
/// The expert reviewer's credentials as the letter states them (the reviewer is never named).
/// </summary>
/// <param name="Licensure">States where the reviewer is licensed, in letter order.</param>
/// <param name="Specialties">Board certifications or specialties, then subspecialties, in letter order.</param>
public sealed record Reviewer(ValueList<string> Licensure, ValueList<string> Specialties)
{
    public static Reviewer Unknown { get; } = new([], []);

    /// <summary>Those of <see cref="Specialties"/> the letter calls a subspecialty (narrative phrasing
    /// only; the listed phrasing does not distinguish them).</summary>
    public ValueList<string> Subspecialties { get; init; } = [];

    /// <summary>Which of the two phrasings the letter used.</summary>
    public CredentialPhrasing Phrasing { get; init; } = CredentialPhrasing.Listed;

    /// <summary>The board certifications: the specialties that are not subspecialties.</summary>
    [JsonIgnore]
    public IEnumerable<string> BoardCertifications => Specialties.Where(s => !Subspecialties.Contains(s));
}
