using Imr.Letters.Model;
using Imr.Operations.Model;

namespace Imr.Web.Infrastructure;

/// <summary>
/// A roster entry as a client or the roster form gives it: the credentials without the id, which the
/// route names (a new entry gets a new one). The store validates the entry (<see cref="ExpertReviewer.Validate"/>).
/// </summary>
public sealed record RosterInput(
    string Name,
    IReadOnlyList<string>? BoardCertifications,
    IReadOnlyList<string>? Subspecialties,
    IReadOnlyList<string>? LicensureStates,
    int YearsInActivePractice,
    int WeeklyPracticeHours,
    IReadOnlyList<Affiliation>? Affiliations,
    bool Active = true)
{
    public ExpertReviewer ToReviewer(ExpertReviewerId id) => new()
    {
        Id = id,
        Name = (Name ?? "").Trim(),
        BoardCertifications = Clean(BoardCertifications),
        Subspecialties = Clean(Subspecialties),
        LicensureStates = Clean(LicensureStates),
        YearsInActivePractice = YearsInActivePractice,
        WeeklyPracticeHours = WeeklyPracticeHours,
        Affiliations = new((Affiliations ?? []).Select(a => a with { Name = (a.Name ?? "").Trim() })),
        Active = Active,
    };

    private static ValueList<string> Clean(IReadOnlyList<string>? values) => new((values ?? []).Select(v => (v ?? "").Trim()));
}

/// <summary>The roster form's text fields: lists one per line or comma-separated, affiliations one per
/// line as "Kind: Name".</summary>
public static class RosterText
{
    private static readonly char[] Separators = [',', ';', '\n', '\r'];

    /// <summary>"Orthopaedic Surgery\nSpine Surgery" or "CA, NV" → the entries, blanks dropped.</summary>
    public static List<string> List(string? text) =>
        (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public static string Lines(IEnumerable<string> values) => string.Join("\n", values);

    /// <summary>The kinds as a person writes them: "Employer", "Claims administrator", "Provider group", "Person".</summary>
    public static string Kind(AffiliationKind kind) => kind switch
    {
        AffiliationKind.ClaimsAdministrator => "Claims administrator",
        AffiliationKind.ProviderGroup => "Provider group",
        _ => kind.ToString(),
    };

    public static string Affiliations(IEnumerable<Affiliation> affiliations) =>
        string.Join("\n", affiliations.Select(a => $"{Kind(a.Kind)}: {a.Name}"));

    /// <summary>Reads "Kind: Name" lines; a line without a known kind is an error naming the line.</summary>
    public static List<Affiliation> Affiliations(string? text, out List<string> errors)
    {
        errors = [];
        var affiliations = new List<Affiliation>();
        var lines = (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var kind = colon > 0 ? ParseKind(line[..colon]) : null;
            if (kind is null || line[(colon + 1)..].Trim().Length == 0)
            {
                errors.Add($"'{line}' is not \"Kind: Name\" (kinds: Employer, Claims administrator, Provider group, Person).");
                continue;
            }
            affiliations.Add(new Affiliation(kind.Value, line[(colon + 1)..].Trim()));
        }
        return affiliations;
    }

    private static AffiliationKind? ParseKind(string text)
    {
        var key = text.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return Enum.TryParse<AffiliationKind>(key, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null;
    }
}
