using System.Text.Json.Serialization;
using Imr.Letters.Model;

namespace Imr.Operations.Model;

/// <summary>
/// An expert reviewer of the roster (named so as not to clash with the letter model's
/// <see cref="Reviewer"/>, which holds only the credentials a letter prints).
/// </summary>
public sealed record ExpertReviewer
{
    public required ExpertReviewerId Id { get; init; }

    /// <summary>The reviewer's name; never printed in a letter.</summary>
    public required string Name { get; init; }

    /// <summary>Board certifications or specialties, as they should print ("Physical Medicine &amp; Rehabilitation").</summary>
    public ValueList<string> BoardCertifications { get; init; } = [];

    public ValueList<string> Subspecialties { get; init; } = [];

    /// <summary>States of licensure; licensure may be in any state.</summary>
    public ValueList<string> LicensureStates { get; init; } = [];

    /// <summary>Whole years in active clinical practice (more than five are required).</summary>
    public int YearsInActivePractice { get; init; }

    /// <summary>Hours a week currently in active practice (at least 24 are required).</summary>
    public int WeeklyPracticeHours { get; init; }

    /// <summary>Organisations and people the reviewer has a professional, familial or financial tie to.</summary>
    public ValueList<Affiliation> Affiliations { get; init; } = [];

    /// <summary>Takes cases; an inactive reviewer stays on the roster for past cases.</summary>
    public bool Active { get; init; } = true;

    /// <summary>Specialties then subspecialties, as the letter lists them.</summary>
    [JsonIgnore]
    public IEnumerable<string> Specialties => BoardCertifications.Concat(Subspecialties);

    /// <summary>What is wrong with the entry as input, by field; empty when nothing is.</summary>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name)) errors[nameof(Name)] = ["is required."];
        if (BoardCertifications.Count == 0 && Subspecialties.Count == 0) errors[nameof(BoardCertifications)] = ["at least one specialty is required."];
        if (BoardCertifications.Concat(Subspecialties).Concat(LicensureStates).Any(string.IsNullOrWhiteSpace))
            errors[nameof(LicensureStates)] = ["specialties and states cannot be blank."];
        if (YearsInActivePractice is < 0 or > 80) errors[nameof(YearsInActivePractice)] = ["must be between 0 and 80."];
        if (WeeklyPracticeHours is < 0 or > 168) errors[nameof(WeeklyPracticeHours)] = ["must be between 0 and 168."];
        if (Affiliations.Any(a => string.IsNullOrWhiteSpace(a.Name) || !Enum.IsDefined(a.Kind)))
            errors[nameof(Affiliations)] = ["every affiliation needs a kind and a name."];
        return errors;
    }
}

/// <summary>What kind of party an affiliation ties the reviewer to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AffiliationKind>))]
public enum AffiliationKind
{
    Employer,

    /// <summary>An insurer, self-insured employer's administrator or third-party administrator.</summary>
    ClaimsAdministrator,

    /// <summary>A medical group, clinic or hospital.</summary>
    ProviderGroup,

    /// <summary>A named person: a physician, an employee, a relative.</summary>
    Person,
}

/// <summary>A tie between a reviewer and an organisation or person.</summary>
public sealed record Affiliation(AffiliationKind Kind, string Name);
