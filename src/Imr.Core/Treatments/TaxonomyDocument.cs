using System.Text.Json;

namespace Imr.Treatments;

// The shape of taxonomy.json. Read-only after loading; validated by TreatmentTaxonomy.

internal sealed class TaxonomyDocument
{
    public int Version { get; init; }
    public int WeakPriority { get; init; } = 40;
    public string FallbackCategory { get; init; } = "other";
    public List<string> Connectives { get; init; } = [];
    public List<GroupEntry> Groups { get; init; } = [];
    public List<CategoryEntry> Categories { get; init; } = [];
    public List<ContextEntry> Contexts { get; init; } = [];
    public List<RefinementEntry> Refinements { get; init; } = [];
    public List<RegionEntry> BodyRegions { get; init; } = [];

    internal static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };
}

internal sealed class GroupEntry
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
}

internal sealed class CategoryEntry
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Group { get; init; } = "";
    public int Priority { get; init; }
    public bool YieldsAfterConnective { get; init; }
    public string? Description { get; init; }
    public List<string> Terms { get; init; } = [];
    public List<string> WeakTerms { get; init; } = [];
    public List<string> ExactTerms { get; init; } = [];
    public List<string> Suffixes { get; init; } = [];
    public List<ModalityEntry> Modalities { get; init; } = [];
}

internal sealed class ModalityEntry
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public List<string> Terms { get; init; } = [];
}

internal sealed class ContextEntry
{
    public string Id { get; init; } = "";
    public string? Description { get; init; }
    public string Category { get; init; } = "";
    public List<string> Overrides { get; init; } = [];
    public List<string> Terms { get; init; } = [];
    public List<string> ExactTerms { get; init; } = [];
}

internal sealed class RefinementEntry
{
    public string Id { get; init; } = "";
    public string? Description { get; init; }
    public string Category { get; init; } = "";
    public List<string> Terms { get; init; } = [];
    public List<string> RegionKinds { get; init; } = [];
    public string To { get; init; } = "";
}

internal sealed class RegionEntry
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Kind { get; init; } = "";
    public bool Generic { get; init; }
    public List<string> Terms { get; init; } = [];
}
