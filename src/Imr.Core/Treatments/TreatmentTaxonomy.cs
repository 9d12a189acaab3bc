using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Imr.Letters.Model;

namespace Imr.Treatments;

/// <summary>
/// The treatment taxonomy: categories with their terms (synonyms, abbreviations, brand names), the
/// precedence rules, imaging modalities and body regions, all kept as data (<c>taxonomy.json</c>,
/// embedded in the assembly; see its <c>howToRead</c> and <c>precedence</c> notes). Compiled once
/// into a phrase trie over whole words, so classifying a text costs one dictionary look-up a word.
/// Immutable and thread-safe.
/// </summary>
public sealed partial class TreatmentTaxonomy
{
    private const string ResourceName = "Imr.Treatments.taxonomy.json";
    private const string OriginalRequest = "original request,";

    private static readonly Lazy<TreatmentTaxonomy> DefaultTaxonomy = new(() => Parse(ReadDefaultJson()));

    private readonly PhraseIndex _index;
    private readonly ContextRule[] _contexts;
    private readonly RefinementRule[] _refinements;
    private readonly ImagingModality[] _modalities;
    private readonly int[] _modalityCategory;
    private readonly bool[] _regionGeneric;
    private readonly bool[] _yieldsAfterConnective;
    private readonly int _weakPriority;
    private readonly int _fallback;
    private readonly TreatmentClassification _unmatched;

    private TreatmentTaxonomy(TaxonomyDocument document)
    {
        Version = document.Version;
        Validate(document);

        Groups = [.. document.Groups.Select(g => new TreatmentGroup(g.Id, g.Name))];
        Categories = [.. document.Categories.Select(c => new TreatmentCategory(c.Id, c.Name, c.Group))];
        BodyRegions = [.. document.BodyRegions.Select(r => new BodyRegion(r.Id, r.Name, r.Kind))];
        _regionGeneric = [.. document.BodyRegions.Select(r => r.Generic)];
        var categoryIndex = document.Categories.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        _fallback = categoryIndex[document.FallbackCategory];
        _yieldsAfterConnective = [.. document.Categories.Select(c => c.YieldsAfterConnective)];
        _weakPriority = document.WeakPriority;

        var builder = new PhraseIndexBuilder(i => Categories[i].Id, i => BodyRegions[i].Id);
        var modalities = new List<ImagingModality>();
        var modalityCategory = new List<int>();
        for (var c = 0; c < document.Categories.Count; c++)
        {
            var entry = document.Categories[c];
            foreach (var term in entry.Terms) builder.AddCategoryTerm(term, c, entry.Priority, -1, exact: false);
            foreach (var term in entry.ExactTerms) builder.AddCategoryTerm(term, c, entry.Priority, -1, exact: true);
            foreach (var term in entry.WeakTerms) builder.AddCategoryTerm(term, c, document.WeakPriority, -1, exact: false);
            foreach (var suffix in entry.Suffixes) builder.AddSuffix(suffix, c, entry.Priority);
            foreach (var modality in entry.Modalities)
            {
                modalities.Add(new ImagingModality(modality.Id, modality.Name));
                modalityCategory.Add(c);
                foreach (var term in modality.Terms) builder.AddCategoryTerm(term, c, entry.Priority, modalities.Count - 1, exact: false);
            }
        }
        _modalities = [.. modalities];
        _modalityCategory = [.. modalityCategory];
        Modalities = _modalities;

        _contexts = new ContextRule[document.Contexts.Count];
        for (var k = 0; k < document.Contexts.Count; k++)
        {
            var entry = document.Contexts[k];
            foreach (var term in entry.Terms) builder.AddContextTerm(term, k, exact: false);
            foreach (var term in entry.ExactTerms) builder.AddContextTerm(term, k, exact: true);
            var overrides = new bool[Categories.Count];
            foreach (var id in entry.Overrides) overrides[categoryIndex[id]] = true;
            _contexts[k] = new ContextRule(entry.Id, categoryIndex[entry.Category], overrides);
        }

        foreach (var connective in document.Connectives) builder.AddConnective(connective);
        for (var r = 0; r < document.BodyRegions.Count; r++)
            foreach (var term in document.BodyRegions[r].Terms) builder.AddRegionTerm(term, r);

        _index = builder.Build();

        _refinements = [.. document.Refinements.Select(entry => new RefinementRule(
            entry.Id,
            categoryIndex[entry.Category],
            entry.Terms.Select(t => t.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase),
            entry.RegionKinds.ToHashSet(StringComparer.Ordinal),
            categoryIndex[entry.To]))];

        Other = Categories[_fallback];
        _unmatched = new TreatmentClassification(Other, null, null, null, ValueList<BodyRegion>.Empty, null);
    }

    /// <summary>The built-in taxonomy (the embedded <c>taxonomy.json</c>), loaded once.</summary>
    public static TreatmentTaxonomy Default => DefaultTaxonomy.Value;

    /// <summary>The data version of the taxonomy.</summary>
    public int Version { get; }

    public IReadOnlyList<TreatmentGroup> Groups { get; }

    /// <summary>The categories, in the taxonomy's order.</summary>
    public IReadOnlyList<TreatmentCategory> Categories { get; }

    public IReadOnlyList<ImagingModality> Modalities { get; }

    public IReadOnlyList<BodyRegion> BodyRegions { get; }

    /// <summary>The fallback category of texts no term matches (<c>other</c>).</summary>
    public TreatmentCategory Other { get; }

    /// <summary>Number of distinct words the taxonomy's terms are made of (with their variants).</summary>
    public int Vocabulary => _index.WordCount;

    /// <summary>The category with this id, or null.</summary>
    public TreatmentCategory? Find(string id) => Categories.FirstOrDefault(c => c.Id == id);

    /// <summary>Reads a taxonomy from its JSON text; throws <see cref="InvalidDataException"/> when it is inconsistent.</summary>
    public static TreatmentTaxonomy Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        TaxonomyDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<TaxonomyDocument>(json, TaxonomyDocument.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("The taxonomy is not valid JSON: " + e.Message, e);
        }
        return new TreatmentTaxonomy(document ?? throw new InvalidDataException("The taxonomy is empty."));
    }

    /// <summary>Reads a taxonomy from a JSON stream.</summary>
    public static TreatmentTaxonomy Load(Stream json)
    {
        using var reader = new StreamReader(json);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>The text of the built-in taxonomy.</summary>
    public static string ReadDefaultJson()
    {
        using var stream = typeof(TreatmentTaxonomy).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The category of a treatment text. Every term found proposes its category with its priority;
    /// the highest wins, the leftmost on a tie; then the contexts and refinements apply (see the
    /// taxonomy's <c>precedence</c>). A modified request ("... The remaining IMR eligible portion of
    /// the original request, X is") is classified by its eligible portion X.
    /// </summary>
    public TreatmentClassification Classify(string treatment)
    {
        ArgumentNullException.ThrowIfNull(treatment);
        var cut = treatment.LastIndexOf(OriginalRequest, StringComparison.OrdinalIgnoreCase);
        if (cut >= 0)
        {
            var portion = Classify(treatment, cut + OriginalRequest.Length);
            if (!ReferenceEquals(portion.Category, Other) || portion.MatchedTerm is not null) return portion;
        }
        return Classify(treatment, 0);
    }

    /// <summary>The body regions a text names, in text order, without repeats (a generic region such
    /// as "spine" only when no specific region of its kind is named).</summary>
    public ValueList<BodyRegion> DetectBodyRegions(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffers = new Buffers(text.Length);
        try
        {
            var n = Tokenizer.Tokenize(text, buffers.Lower, buffers.Tokens);
            n = _index.Resolve(buffers.Lower, buffers.Tokens[..n], buffers.Ids);
            return Regions(buffers.Ids[..n]);
        }
        finally
        {
            buffers.Return();
        }
    }

    private TreatmentClassification Classify(string text, int offset)
    {
        var span = text.AsSpan(offset);
        if (span.IsEmpty) return _unmatched;

        const int StackLimit = 256;
        var buffers = span.Length <= StackLimit
            ? new Buffers(stackalloc char[span.Length], stackalloc Token[span.Length], stackalloc int[span.Length])
            : new Buffers(span.Length);
        try
        {
            var n = Tokenizer.Tokenize(span, buffers.Lower, buffers.Tokens);
            var tokens = buffers.Tokens;
            n = _index.Resolve(buffers.Lower, tokens[..n], buffers.Ids);
            var ids = buffers.Ids[..n];

            // Category pass: longest term at each position; the best priority wins, the leftmost on a tie.
            // After a connective ("with", "under") the categories that yield rank below weak terms and
            // contexts no longer count.
            var afterConnective = false;
            int bestCategory = -1, bestPriority = int.MinValue, bestTerm = -1, bestStart = 0, bestEnd = 0, modality = -1;
            uint contexts = 0;
            Span<int> contextFrom = stackalloc int[32];
            Span<int> contextTo = stackalloc int[32];
            var i = 0;
            while (i < n)
            {
                var node = _index.CategoryRoot(ids[i]);
                int end = -1, categoryEnd = -1;
                TrieNode? categoryNode = null;
                uint pathContexts = 0, endContexts = 0;
                for (var j = i; node is not null;)
                {
                    if (node.HasPayload)
                    {
                        if (node.Category >= 0)
                        {
                            categoryNode = node;
                            categoryEnd = j;
                        }
                        pathContexts |= node.Contexts;
                        if (node.Category >= 0 || node.Contexts != 0)
                        {
                            end = j;
                            endContexts = pathContexts;
                        }
                    }
                    if (++j >= n) break;
                    node = PhraseIndex.Next(node, ids[j]);
                }

                if (end >= 0)
                {
                    var added = afterConnective ? 0 : endContexts & ~contexts;
                    if (added != 0)
                    {
                        contexts |= added;
                        for (var k = 0; k < _contexts.Length; k++)
                        {
                            if ((added & (1u << k)) == 0) continue;
                            contextFrom[k] = i;
                            contextTo[k] = end;
                        }
                    }
                    if (categoryNode is not null)
                    {
                        var priority = Rank(categoryNode.Category, categoryNode.Priority, afterConnective);
                        if (priority > bestPriority)
                        {
                            bestCategory = categoryNode.Category;
                            bestPriority = priority;
                            bestTerm = categoryNode.Term;
                            bestStart = i;
                            bestEnd = categoryEnd;
                        }
                        if (categoryNode.Modality >= 0 && modality < 0) modality = categoryNode.Modality;
                    }
                    i = end + 1;
                    continue;
                }

                if (_index.IsConnective(ids[i])) afterConnective = true;
                var token = tokens[i];
                if (_index.Suffix(buffers.Lower.Slice(token.Start, token.Length)) is { } suffix
                    && Rank(suffix.Category, suffix.Priority, afterConnective) is var rank && rank > bestPriority)
                {
                    bestCategory = suffix.Category;
                    bestPriority = rank;
                    bestTerm = suffix.Term;
                    bestStart = bestEnd = i;
                }
                i++;
            }

            var regions = Regions(ids);
            if (bestCategory < 0) return regions.Count == 0 ? _unmatched : _unmatched with { BodyRegions = regions };

            // Contexts, in the taxonomy's order, then refinements.
            var category = bestCategory;
            string? rule = null;
            for (var k = 0; k < _contexts.Length; k++)
            {
                if ((contexts & (1u << k)) == 0 || !_contexts[k].Overrides[category]) continue;
                category = _contexts[k].Category;
                rule = $"{_contexts[k].Id}: \"{Source(text, offset, tokens[contextFrom[k]], tokens[contextTo[k]])}\"";
            }
            foreach (var refinement in _refinements)
            {
                if (refinement.Category != category || !refinement.Terms.Contains(_index.Terms[bestTerm])) continue;
                if (!regions.Any(r => refinement.RegionKinds.Contains(r.Kind))) continue;
                category = refinement.To;
                rule = refinement.Id;
            }

            return new TreatmentClassification(
                Categories[category],
                _index.Terms[bestTerm],
                Source(text, offset, tokens[bestStart], tokens[bestEnd]),
                modality >= 0 && _modalityCategory[modality] == category ? _modalities[modality] : null,
                regions,
                rule);
        }
        finally
        {
            buffers.Return();
        }
    }

    private int Rank(int category, int priority, bool afterConnective) =>
        afterConnective && _yieldsAfterConnective[category] ? Math.Min(priority, _weakPriority - 1) : priority;

    private static string Source(string text, int offset, Token first, Token last) =>
        text.Substring(offset + first.SourceStart, last.SourceEnd - first.SourceStart);

    private ValueList<BodyRegion> Regions(ReadOnlySpan<int> ids)
    {
        Span<int> found = stackalloc int[16];
        var count = 0;
        var n = ids.Length;
        for (var i = 0; i < n;)
        {
            var node = _index.RegionRoot(ids[i]);
            int end = -1, region = -1;
            for (var j = i; node is not null;)
            {
                if (node.Region >= 0)
                {
                    end = j;
                    region = node.Region;
                }
                if (++j >= n) break;
                node = PhraseIndex.Next(node, ids[j]);
            }
            if (end < 0)
            {
                i++;
                continue;
            }
            if (count < found.Length && !found[..count].Contains(region)) found[count++] = region;
            i = end + 1;
        }
        if (count == 0) return ValueList<BodyRegion>.Empty;

        var list = new List<BodyRegion>(count);
        for (var k = 0; k < count; k++)
        {
            var region = BodyRegions[found[k]];
            if (_regionGeneric[found[k]] && HasSpecific(found[..count], region.Kind)) continue;
            list.Add(region);
        }
        return new ValueList<BodyRegion>(list);

        bool HasSpecific(ReadOnlySpan<int> regions, string kind)
        {
            foreach (var r in regions)
                if (!_regionGeneric[r] && BodyRegions[r].Kind == kind) return true;
            return false;
        }
    }

    private static void Validate(TaxonomyDocument document)
    {
        var errors = new List<string>();
        if (document.Version <= 0) errors.Add("version must be a positive number");
        var groups = Unique(document.Groups.Select(g => g.Id), "group", errors);
        var categories = Unique(document.Categories.Select(c => c.Id), "category", errors);
        Unique(document.Contexts.Select(c => c.Id), "context", errors);
        Unique(document.Refinements.Select(r => r.Id), "refinement", errors);
        Unique(document.BodyRegions.Select(r => r.Id), "body region", errors);
        Unique(document.Categories.SelectMany(c => c.Modalities).Select(m => m.Id), "modality", errors);

        if (!categories.Contains(document.FallbackCategory)) errors.Add($"fallbackCategory \"{document.FallbackCategory}\" is no category");
        foreach (var group in document.Groups)
            if (string.IsNullOrWhiteSpace(group.Name)) errors.Add($"group {group.Id} has no name");
        foreach (var category in document.Categories)
        {
            if (string.IsNullOrWhiteSpace(category.Name)) errors.Add($"category {category.Id} has no name");
            if (!groups.Contains(category.Group)) errors.Add($"category {category.Id}: group \"{category.Group}\" is not defined");
            if (category.Priority is < 0 or > 1000) errors.Add($"category {category.Id}: priority must be 0 to 1000");
            Terms(category.Terms.Concat(category.WeakTerms).Concat(category.ExactTerms).Concat(category.Suffixes), $"category {category.Id}", errors);
            foreach (var modality in category.Modalities) Terms(modality.Terms, $"modality {modality.Id}", errors);
        }
        if (document.Contexts.Count > 32) errors.Add("at most 32 contexts");
        foreach (var context in document.Contexts)
        {
            if (!categories.Contains(context.Category)) errors.Add($"context {context.Id}: category \"{context.Category}\" is not defined");
            foreach (var id in context.Overrides)
                if (!categories.Contains(id)) errors.Add($"context {context.Id}: overridden category \"{id}\" is not defined");
            Terms(context.Terms.Concat(context.ExactTerms), $"context {context.Id}", errors);
        }
        var kinds = document.BodyRegions.Select(r => r.Kind).ToHashSet(StringComparer.Ordinal);
        foreach (var refinement in document.Refinements)
        {
            if (!categories.Contains(refinement.Category)) errors.Add($"refinement {refinement.Id}: category \"{refinement.Category}\" is not defined");
            if (!categories.Contains(refinement.To)) errors.Add($"refinement {refinement.Id}: category \"{refinement.To}\" is not defined");
            foreach (var kind in refinement.RegionKinds)
                if (!kinds.Contains(kind)) errors.Add($"refinement {refinement.Id}: no body region is of kind \"{kind}\"");
            Terms(refinement.Terms, $"refinement {refinement.Id}", errors);
        }
        foreach (var region in document.BodyRegions)
        {
            if (string.IsNullOrWhiteSpace(region.Name) || string.IsNullOrWhiteSpace(region.Kind)) errors.Add($"body region {region.Id} needs a name and a kind");
            Terms(region.Terms, $"body region {region.Id}", errors);
        }
        if (errors.Count > 0) throw new InvalidDataException("The taxonomy is inconsistent: " + string.Join("; ", errors) + ".");

        static HashSet<string> Unique(IEnumerable<string> ids, string what, List<string> errors)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in ids)
            {
                if (!KebabCase().IsMatch(id)) errors.Add($"{what} id \"{id}\" is not kebab-case");
                if (!seen.Add(id)) errors.Add($"{what} id \"{id}\" is defined twice");
            }
            return seen;
        }

        static void Terms(IEnumerable<string> terms, string owner, List<string> errors)
        {
            foreach (var term in terms)
                if (string.IsNullOrWhiteSpace(term) || Tokenizer.Words(term).Length == 0) errors.Add($"{owner} has an empty term");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    private sealed record ContextRule(string Id, int Category, bool[] Overrides);

    private sealed record RefinementRule(string Id, int Category, HashSet<string> Terms, HashSet<string> RegionKinds, int To);

    /// <summary>Working memory of one classification: on the stack for short texts, pooled otherwise.</summary>
    private ref struct Buffers
    {
        private readonly char[]? _rentedChars;
        private readonly Token[]? _rentedTokens;
        private readonly int[]? _rentedIds;

        public Buffers(Span<char> lower, Span<Token> tokens, Span<int> ids)
        {
            Lower = lower;
            Tokens = tokens;
            Ids = ids;
        }

        public Buffers(int length)
        {
            length = Math.Max(length, 1);
            Lower = _rentedChars = ArrayPool<char>.Shared.Rent(length);
            Tokens = _rentedTokens = ArrayPool<Token>.Shared.Rent(length);
            Ids = _rentedIds = ArrayPool<int>.Shared.Rent(length);
        }

        public Span<char> Lower { get; }
        public Span<Token> Tokens { get; }
        public Span<int> Ids { get; }

        public readonly void Return()
        {
            if (_rentedChars is not null) ArrayPool<char>.Shared.Return(_rentedChars);
            if (_rentedTokens is not null) ArrayPool<Token>.Shared.Return(_rentedTokens);
            if (_rentedIds is not null) ArrayPool<int>.Shared.Return(_rentedIds);
        }
    }
}
