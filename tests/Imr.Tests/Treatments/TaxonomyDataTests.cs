using System.Text.Json.Nodes;
using Imr.Treatments;

namespace Imr.Tests.Treatments;

/// <summary>The taxonomy is data a clinician edits: it must load, and it must say what it means.</summary>
public sealed class TaxonomyDataTests
{
    private static readonly JsonObject Json = JsonNode.Parse(TreatmentTaxonomy.ReadDefaultJson())!.AsObject();

    private static IEnumerable<JsonObject> Categories => Json["categories"]!.AsArray().Select(c => c!.AsObject());

    [Fact]
    public void The_embedded_taxonomy_loads()
    {
        var taxonomy = TreatmentTaxonomy.Default;
        Assert.True(taxonomy.Version >= 1);
        Assert.Equal("other", taxonomy.Other.Id);
        Assert.True(taxonomy.Categories.Count >= 25, $"{taxonomy.Categories.Count} categories");
        Assert.True(taxonomy.Vocabulary > 1_000, $"{taxonomy.Vocabulary} words");
        Assert.Same(taxonomy, TreatmentTaxonomy.Default);
    }

    [Fact]
    public void Ids_are_unique_and_kebab_case()
    {
        var taxonomy = TreatmentTaxonomy.Default;
        string[][] idSets =
        [
            [.. taxonomy.Categories.Select(c => c.Id)],
            [.. taxonomy.Groups.Select(g => g.Id)],
            [.. taxonomy.Modalities.Select(m => m.Id)],
            [.. taxonomy.BodyRegions.Select(r => r.Id)],
        ];
        foreach (var ids in idSets)
        {
            Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
            Assert.All(ids, id => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", id));
        }
    }

    [Fact]
    public void Every_category_has_a_name_a_defined_group_and_terms()
    {
        var taxonomy = TreatmentTaxonomy.Default;
        var groups = taxonomy.Groups.Select(g => g.Id).ToHashSet();
        Assert.All(taxonomy.Categories, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Name));
            Assert.Contains(c.Group, groups);
        });
        Assert.All(Categories, c => Assert.NotEmpty(c["terms"]!.AsArray()));
    }

    [Fact]
    public void Every_synonym_is_non_empty()
    {
        var lists = Categories.SelectMany(c => new[] { c["terms"], c["weakTerms"], c["exactTerms"], c["suffixes"] }
                .Concat(c["modalities"]?.AsArray().Select(m => m!["terms"]) ?? []))
            .Concat(Json["contexts"]!.AsArray().SelectMany(c => new[] { c!["terms"], c["exactTerms"] }))
            .Concat(Json["refinements"]!.AsArray().Select(r => r!["terms"]))
            .Concat(Json["bodyRegions"]!.AsArray().Select(r => r!["terms"]))
            .OfType<JsonArray>()
            .ToList();
        Assert.True(lists.Count > 40);
        foreach (var term in lists.SelectMany(l => l))
        {
            var text = term!.GetValue<string>();
            Assert.False(string.IsNullOrWhiteSpace(text), "an empty term");
            Assert.Equal(text.Trim(), text);
        }
    }

    [Fact]
    public void The_required_categories_exist()
    {
        string[] required =
        [
            "opioids", "muscle-relaxants", "nsaids", "gi-protection", "topical-analgesics", "antidepressants", "anticonvulsants",
            "sleep-aids", "benzodiazepines", "other-medications", "physical-therapy", "chiropractic", "acupuncture", "imaging",
            "electrodiagnostics", "epidural-injections", "facet-injections", "radiofrequency-ablation", "trigger-point-injections",
            "joint-injections", "botulinum-toxin", "surgery", "surgical-adjuncts", "durable-medical-equipment", "psychological-care",
            "laboratory", "programs", "consultations", "home-health", "transportation", "other",
        ];
        var ids = TreatmentTaxonomy.Default.Categories.Select(c => c.Id).ToHashSet();
        Assert.All(required, id => Assert.Contains(id, ids));
        Assert.Equal("pharmaceuticals", TreatmentTaxonomy.Default.Find("opioids")!.Group);
        Assert.Equal("injections", TreatmentTaxonomy.Default.Find("facet-injections")!.Group);
    }

    [Fact]
    public void Contexts_and_refinements_name_existing_categories()
    {
        var ids = TreatmentTaxonomy.Default.Categories.Select(c => c.Id).ToHashSet();
        foreach (var context in Json["contexts"]!.AsArray())
        {
            Assert.Contains(context!["category"]!.GetValue<string>(), ids);
            Assert.All(context["overrides"]!.AsArray(), o => Assert.Contains(o!.GetValue<string>(), ids));
        }
        foreach (var refinement in Json["refinements"]!.AsArray())
        {
            Assert.Contains(refinement!["category"]!.GetValue<string>(), ids);
            Assert.Contains(refinement["to"]!.GetValue<string>(), ids);
        }
    }

    [Fact]
    public void A_taxonomy_extended_as_data_classifies_new_terms()
    {
        var json = JsonNode.Parse(TreatmentTaxonomy.ReadDefaultJson())!.AsObject();
        var opioids = json["categories"]!.AsArray().First(c => c!["id"]!.GetValue<string>() == "opioids")!;
        opioids["terms"]!.AsArray().Add("Zyloprexol");
        var extended = TreatmentTaxonomy.Parse(json.ToJsonString());

        Assert.Equal("opioids", extended.Classify("Zyloprexol 10mg #60").Category.Id);
        Assert.Equal("other-medications", TreatmentTaxonomy.Default.Classify("Zyloprexol 10mg #60").Category.Id);
    }

    [Theory]
    [InlineData("duplicate category", """{"version":1,"groups":[{"id":"g","name":"G"}],"categories":[{"id":"other","name":"A","group":"g","terms":["a"]},{"id":"other","name":"B","group":"g","terms":["b"]}]}""")]
    [InlineData("undefined group", """{"version":1,"groups":[],"categories":[{"id":"other","name":"A","group":"g","terms":["a"]}]}""")]
    [InlineData("empty term", """{"version":1,"groups":[{"id":"g","name":"G"}],"categories":[{"id":"other","name":"A","group":"g","terms":[" "]}]}""")]
    [InlineData("one term, two categories", """{"version":1,"groups":[{"id":"g","name":"G"}],"categories":[{"id":"other","name":"A","group":"g","terms":["MRI"]},{"id":"b","name":"B","group":"g","terms":["mri"]}]}""")]
    [InlineData("not kebab-case", """{"version":1,"groups":[{"id":"g","name":"G"}],"categories":[{"id":"Other","name":"A","group":"g","terms":["a"]}],"fallbackCategory":"Other"}""")]
    [InlineData("unknown override", """{"version":1,"groups":[{"id":"g","name":"G"}],"categories":[{"id":"other","name":"A","group":"g","terms":["a"]}],"contexts":[{"id":"c","category":"other","overrides":["nope"],"terms":["x"]}]}""")]
    [InlineData("not JSON", "{")]
    public void An_inconsistent_taxonomy_is_refused(string why, string json)
    {
        var error = Assert.Throws<InvalidDataException>(() => TreatmentTaxonomy.Parse(json));
        Assert.False(string.IsNullOrEmpty(error.Message), why);
    }
}
