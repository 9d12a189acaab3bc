using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Imr.Letters.Model;
using Imr.Letters.Reading;

namespace Imr.Letters;

/// <summary>
/// The JSON shape of <c>imr parse --json</c>, a public contract: one object per letter, camelCase,
/// ISO dates, null where absent; <c>source</c> first, the determination's fields, then
/// <c>diagnostics</c>. <c>imr render</c> reads the same shape back.
/// </summary>
public static class LetterJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    /// <summary>
    /// The determination as stored: only what the letter states, without what is read from it
    /// (citations, partial eligibility), which the model derives again on reading. Smaller and faster;
    /// <see cref="Deserialize"/> reads it like the full shape.
    /// </summary>
    public static JsonSerializerOptions Stored { get; } = new(Options)
    {
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    if (info.Kind != System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object) return;
                    foreach (var property in info.Properties.Where(p => p.Set is null && p.AssociatedParameter is null).ToList())
                        info.Properties.Remove(property);
                },
            },
        },
    };

    /// <summary>One line of <c>parse --json</c> for a letter that was read.</summary>
    public static string Serialize(string source, ReadResult result)
    {
        var line = new JsonObject { ["source"] = source };
        var determination = JsonSerializer.SerializeToNode(result.Determination, Options)!.AsObject();
        foreach (var (name, value) in determination.ToList())
        {
            determination.Remove(name);
            line[name] = value;
        }
        line["diagnostics"] = JsonSerializer.SerializeToNode(result.Diagnostics, Options);
        return line.ToJsonString(Options);
    }

    /// <summary>One line of <c>parse --json</c> for a file that could not be read.</summary>
    public static string SerializeError(string source, string error) =>
        new JsonObject { ["source"] = source, ["error"] = error }.ToJsonString(Options);

    /// <summary>Reads a determination from the JSON <c>parse --json</c> prints (extra fields are ignored).</summary>
    /// <exception cref="JsonException">The JSON is not a determination; the message says where.</exception>
    public static Determination Deserialize(string json) =>
        JsonSerializer.Deserialize<Determination>(json, Options)
        ?? throw new JsonException("The JSON is null, not a determination.");
}
