using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Imr.Letters;
using Imr.Letters.Citations;
using Imr.Letters.Model;

namespace Imr.Archive.Storage;

/// <summary>One item as stored: its category and the guidelines its reviewer relied on.</summary>
public sealed record ItemRecord(int Ordinal, DeterminationItem Item, string Category, IReadOnlyList<string> Guidelines);

/// <summary>
/// A determination ready to store: its key (case number, or the file name when it has none), the
/// hash of its content, its items classified, and the day counts the report needs.
/// </summary>
public sealed record LetterRecord(
    string Source,
    string Key,
    string ContentHash,
    string Json,
    Determination Determination,
    IReadOnlyList<ItemRecord> Items)
{
    /// <summary>The letter's terms for the impact index, when counted ahead (see <see cref="WithTerms"/>).</summary>
    public Search.Impact.LetterTerms? Terms { get; init; }

    /// <summary>The record with its terms counted: done where records are prepared in parallel, so
    /// that storing a batch does not tokenize its letters on the storing thread.</summary>
    public LetterRecord WithTerms()
    {
        var (treatments, rationales) = ItemTexts();
        return this with { Terms = Search.Impact.LetterTerms.Of(Determination.CaseSummary, treatments, rationales) };
    }

    /// <summary>The items' treatments and rationales, each joined into one text for the full-text indexes.</summary>
    public (string Treatments, string Rationales) ItemTexts() =>
        (string.Join(" | ", Determination.Items.Select(i => i.Treatment)),
         string.Join(" | ", Determination.Items.Select(i => i.Rationale)));

    /// <summary>The letter's facets for the impact index (its items' decisions and categories).</summary>
    public IReadOnlyList<string> Facets => Search.Impact.Facets.OfItems(Items.Select(i => (i.Item.Decision.ToString(), i.Category)));

    public string? DecisionMonth => Determination.DecisionDate?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public int? DaysToAssignment => Days(Determination.ApplicationReceived, Determination.DateAssigned);

    public int? DaysToDecision => Days(Determination.DateAssigned, Determination.DecisionDate);

    public static LetterRecord From(string source, Determination determination)
    {
        var json = JsonSerializer.Serialize(determination, LetterJson.Stored);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var items = determination.Items
            .Select((item, i) => new ItemRecord(i + 1, item, TreatmentCategories.Of(item.Treatment), GuidelineKeys(item.ReviewerCitations)))
            .ToList();
        return new LetterRecord(source, determination.CaseNumber?.Value ?? source, hash, json, determination, items);
    }

    /// <summary>What the reviewer relied on, as report keys: "MTUS Chronic Pain Medical Treatment",
    /// "ODG", ...; "none cited" when the reviewer cited no source.</summary>
    public static IReadOnlyList<string> GuidelineKeys(IEnumerable<Citation> citations)
    {
        var keys = citations
            .Select(c => c switch
            {
                MtusCitation m => "MTUS " + m.Guideline,
                NonMtusCitation n => NonMtusName(n.Source),
                _ => null,
            })
            .OfType<string>()
            .Distinct()
            .ToList();
        return keys.Count > 0 ? keys : ["none cited"];
    }

    private static string NonMtusName(NonMtusSource source) => source switch
    {
        NonMtusSource.Odg => "ODG",
        NonMtusSource.Acoem => "ACOEM (non-MTUS)",
        NonMtusSource.Asipp => "ASIPP",
        NonMtusSource.UpToDate => "UpToDate",
        NonMtusSource.Fda => "FDA",
        NonMtusSource.Web => "web source",
        NonMtusSource.Literature => "published literature",
        _ => "other non-MTUS source",
    };

    private static int? Days(DateOnly? from, DateOnly? to) =>
        from is { } f && to is { } t ? t.DayNumber - f.DayNumber : null;
}
