using System.Text.Json;
using System.Text.Json.Nodes;
using Imr.Letters;

namespace Imr.DecisionSupport;

/// <summary>
/// The JSON shape of <c>imr draft --json</c>, a public contract: one object per input,
/// <c>{source, items: [{treatment, category, decision, confidence, citations, criteria, missing, rationale, policy}]}</c>,
/// camelCase, in the letters' citation model.
/// </summary>
public static class DraftJson
{
    public static string Serialize(string source, Draft draft)
    {
        var line = new JsonObject
        {
            ["source"] = source,
            ["items"] = JsonSerializer.SerializeToNode(draft.Items, LetterJson.Options),
        };
        return line.ToJsonString(LetterJson.Options);
    }

    /// <summary>Reads a case file (<c>{caseSummary, items: [{treatment, claimsAdministratorGuideline?}], ...}</c>).</summary>
    /// <exception cref="JsonException">The JSON is not a case file.</exception>
    public static CaseFile DeserializeCaseFile(string json) =>
        JsonSerializer.Deserialize<CaseFile>(json, LetterJson.Options)
        ?? throw new JsonException("The JSON is null, not a case file.");
}
