using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Imr.Letters.Model;

/// <summary>
/// The IMR case number the Administrative Director assigns, such as <c>CM16-0213037</c>:
/// <c>CM</c>, the two-digit year, a hyphen and seven digits. Anything else is rejected.
/// </summary>
[JsonConverter(typeof(CaseNumberJsonConverter))]
public readonly partial record struct CaseNumber
{
    private CaseNumber(string value) => Value = value;

    /// <summary>The case number as printed, upper case.</summary>
    public string Value { get; }

    /// <summary>The two-digit year the case was opened in (16 for <c>CM16-...</c>).</summary>
    public int Year => int.Parse(Value.AsSpan(2, 2), System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, [NotNullWhen(true)] out CaseNumber? caseNumber)
    {
        caseNumber = null;
        if (text is null) return false;
        var trimmed = text.Trim();
        if (!Pattern().IsMatch(trimmed)) return false;
        caseNumber = new CaseNumber(trimmed.ToUpperInvariant());
        return true;
    }

    /// <exception cref="FormatException">The text is not a case number.</exception>
    public static CaseNumber Parse(string text) =>
        TryParse(text, out var caseNumber)
            ? caseNumber.Value
            : throw new FormatException($"'{text}' is not an IMR case number (expected CMyy-nnnnnnn).");

    public override string ToString() => Value;

    [GeneratedRegex(@"^CM\d{2}-\d{7}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

internal sealed class CaseNumberJsonConverter : JsonConverter<CaseNumber>
{
    public override CaseNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        CaseNumber.TryParse(reader.GetString(), out var caseNumber)
            ? caseNumber.Value
            : throw new JsonException($"'{reader.GetString()}' is not an IMR case number (expected CMyy-nnnnnnn).");

    public override void Write(Utf8JsonWriter writer, CaseNumber value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
