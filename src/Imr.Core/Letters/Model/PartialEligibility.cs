using System.Text.RegularExpressions;

namespace Imr.Letters.Model;

/// <summary>
/// A request utilization review modified rather than denied: the letter names the original request,
/// what the claims administrator authorized, and the remaining IMR eligible portion that was decided.
/// A page break may cut the first sentences from the decision paragraph, so only
/// <see cref="EligiblePortion"/> is always known.
/// </summary>
public sealed partial record PartialEligibility(string? OriginalRequest, string? Authorized, string EligiblePortion)
{
    /// <summary>Reads the decision paragraph of an item; null when it names no eligible portion.</summary>
    public static PartialEligibility? Read(string treatment)
    {
        var eligible = Eligible().Match(treatment);
        if (!eligible.Success) return null;
        var before = treatment[..eligible.Groups["marker"].Index];
        var original = Original().Match(before);
        var rest = original.Success ? before[original.Length..] : before;
        var authorized = AuthorizedPassive().Match(rest);
        if (!authorized.Success) authorized = AuthorizedActive().Match(rest);
        return new PartialEligibility(
            original.Success ? original.Groups["v"].Value : null,
            authorized.Success ? authorized.Groups["v"].Value : null,
            eligible.Groups["v"].Value);
    }

    // The last naming of the eligible portion wins (greedy prefix): a sentence may name the original
    // request earlier on.
    [GeneratedRegex(@"^.*(?<marker>remaining IMR eligible portion of the original request|The original request),\s*(?<v>.+?)(?:\s+is)?\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex Eligible();

    [GeneratedRegex(@"^(?<v>.+?) was the original\s+request\.", RegexOptions.IgnoreCase)]
    private static partial Regex Original();

    [GeneratedRegex(@"^\s*(?<v>.+?) was authorized by the Claims Administrator\.", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizedPassive();

    [GeneratedRegex(@"The Claims Administrator authorized (?<v>.+?), leaving the original request", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizedActive();
}
