using System.Text.Json;

namespace Imr.Operations.Services;

/// <summary>How well a specialty fits a treatment category.</summary>
public enum FitLevel
{
    None,

    /// <summary>Commonly manages it (weight 0.5).</summary>
    Related,

    /// <summary>Evaluates or treats it directly (weight 1).</summary>
    Primary,
}

/// <summary>
/// The data-driven map from treatment categories (<c>Imr.Treatments</c> taxonomy ids) to the specialties
/// that fit them, with the spellings of specialty names found on rosters and in letters. The default map
/// is <c>specialty-fit.json</c>, embedded in this library.
/// </summary>
public sealed class SpecialtyFit
{
    private static readonly Lazy<SpecialtyFit> DefaultMap = new(() =>
    {
        using var stream = typeof(SpecialtyFit).Assembly.GetManifestResourceStream("Imr.Operations.specialty-fit.json")
            ?? throw new InvalidOperationException("The embedded specialty-fit.json is missing.");
        return Load(stream);
    });

    private readonly Dictionary<string, string> _canonical;
    private readonly Dictionary<string, Dictionary<string, FitLevel>> _categories;

    private SpecialtyFit(Dictionary<string, string> canonical, Dictionary<string, Dictionary<string, FitLevel>> categories)
    {
        _canonical = canonical;
        _categories = categories;
    }

    public static SpecialtyFit Default => DefaultMap.Value;

    /// <summary>The categories the map knows.</summary>
    public IReadOnlyCollection<string> Categories => _categories.Keys;

    /// <summary>Reads a map in the format of <c>specialty-fit.json</c>.</summary>
    public static SpecialtyFit Load(Stream json)
    {
        var document = JsonSerializer.Deserialize<Document>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidDataException("The specialty map is empty.");
        var canonical = new Dictionary<string, string>();
        foreach (var specialty in document.Specialties)
        {
            canonical[Key(specialty.Name)] = specialty.Name;
            foreach (var alias in specialty.Aliases) canonical[Key(alias)] = specialty.Name;
        }
        var categories = new Dictionary<string, Dictionary<string, FitLevel>>();
        foreach (var category in document.Categories)
        {
            var levels = new Dictionary<string, FitLevel>();
            foreach (var name in category.Related) levels[Canonical(canonical, name)] = FitLevel.Related;
            foreach (var name in category.Primary) levels[Canonical(canonical, name)] = FitLevel.Primary;
            categories[category.Id] = levels;
        }
        return new SpecialtyFit(canonical, categories);
    }

    /// <summary>The canonical name of a specialty ("Pain Management" → "Pain Medicine"); an unknown name
    /// comes back whitespace-normalised.</summary>
    public string Canonical(string specialty) => Canonical(_canonical, specialty);

    /// <summary>How well <paramref name="specialty"/> (any spelling) fits <paramref name="category"/>; an
    /// unknown category is read as <c>other</c>.</summary>
    public FitLevel Fit(string category, string specialty)
    {
        if (!_categories.TryGetValue(category, out var levels) && !_categories.TryGetValue("other", out levels)) return FitLevel.None;
        return levels.GetValueOrDefault(Canonical(specialty), FitLevel.None);
    }

    public static double Weight(FitLevel level) => level switch
    {
        FitLevel.Primary => 1.0,
        FitLevel.Related => 0.5,
        _ => 0.0,
    };

    private static string Canonical(Dictionary<string, string> canonical, string specialty) =>
        canonical.TryGetValue(Key(specialty), out var name) ? name : Model.Text.Collapse(specialty);

    // "Physical Medicine & Rehabilitation" and "physical medicine and rehabilitation" are one key.
    private static string Key(string name) => Model.Text.Key(name.Replace("&", " and ", StringComparison.Ordinal));

    private sealed record Document(List<SpecialtyEntry> Specialties, List<CategoryEntry> Categories);

    private sealed record SpecialtyEntry(string Name, List<string> Aliases);

    private sealed record CategoryEntry(string Id, List<string> Primary, List<string> Related);
}
