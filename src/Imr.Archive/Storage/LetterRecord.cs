using System.Buffers;
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
    /// <summary>The JSON as UTF-8, when the record was made by <see cref="From"/>: what an engine that
    /// stores UTF-8 writes without encoding <see cref="Json"/> again on the storing thread.</summary>
    public byte[]? JsonUtf8 { get; init; }

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
        var (json, utf8, hash) = SerializeAndHash(determination);
        var cache = t_items ??= new ItemCache();
        var items = new List<ItemRecord>(determination.Items.Count);
        for (var i = 0; i < determination.Items.Count; i++)
        {
            var item = determination.Items[i];
            items.Add(new ItemRecord(i + 1, item, cache.Category(item.Treatment), cache.Guidelines(item.ReviewerGuideline)));
        }
        return new LetterRecord(source, determination.CaseNumber?.Value ?? source, hash, json, determination, items) { JsonUtf8 = utf8 };
    }

    [ThreadStatic]
    private static ItemCache? t_items;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_jsonBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_jsonWriter;

    /// <summary>The stored JSON (as text and as UTF-8) and the hash of its UTF-8 bytes, serialized once into a buffer the
    /// thread reuses: the same text and hash as serializing to a string and hashing its UTF-8 encoding.</summary>
    private static (string Json, byte[] Utf8, string Hash) SerializeAndHash(Determination determination)
    {
        var buffer = t_jsonBuffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        var writer = t_jsonWriter ??= new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            // As JsonSerializer writes for these options when it serializes to a string.
            Encoder = LetterJson.Stored.Encoder,
            Indented = LetterJson.Stored.WriteIndented,
            SkipValidation = true,
        });
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, determination, LetterJson.Stored);
        writer.Flush();
        var utf8 = buffer.WrittenSpan;
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8, hash);
        return (Encoding.UTF8.GetString(utf8), utf8.ToArray(), Convert.ToHexStringLower(hash));
    }

    /// <summary>One thread's memo of what an item's texts give (its category; its reviewer's
    /// guideline keys, which parse the guideline statement): letters repeat these texts often, and
    /// both are functions of the text alone. Bounded: cleared when full.</summary>
    private sealed class ItemCache
    {
        private const int Limit = 4_096;
        private readonly Dictionary<string, string> _categories = new(StringComparer.Ordinal);
        private readonly Dictionary<string, IReadOnlyList<string>> _guidelines = new(StringComparer.Ordinal);

        public string Category(string treatment)
        {
            if (_categories.TryGetValue(treatment, out var category)) return category;
            if (_categories.Count >= Limit) _categories.Clear();
            return _categories[treatment] = TreatmentCategories.Of(treatment);
        }

        public IReadOnlyList<string> Guidelines(string reviewerGuideline)
        {
            if (_guidelines.TryGetValue(reviewerGuideline, out var keys)) return keys;
            if (_guidelines.Count >= Limit) _guidelines.Clear();
            return _guidelines[reviewerGuideline] = GuidelineKeys(CitationParser.Parse(reviewerGuideline));
        }
    }

    /// <summary>What the reviewer relied on, as report keys: "MTUS Chronic Pain Medical Treatment",
    /// "ODG", ...; "none cited" when the reviewer cited no source.</summary>
    public static IReadOnlyList<string> GuidelineKeys(IEnumerable<Citation> citations)
    {
        var keys = new List<string>();
        foreach (var citation in citations)
        {
            var key = citation switch
            {
                MtusCitation m => "MTUS " + m.Guideline,
                NonMtusCitation n => NonMtusName(n.Source),
                _ => null,
            };
            if (key is not null && !keys.Contains(key)) keys.Add(key);
        }
        return keys.Count > 0 ? keys.ToArray() : NoneCited;
    }

    private static readonly string[] NoneCited = ["none cited"];

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
