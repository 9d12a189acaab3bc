using System.Text.RegularExpressions;

namespace Imr.DecisionSupport.Knowledge;

/// <summary>
/// Requests whose necessity follows another request of the same case. The reviewers reason this way throughout: "as
/// the requested surgery is not medically necessary, the associated services are not"; "given that the NSAID was not
/// medically necessary, the proton pump inhibitor is not either". The dependent request is drafted knowing the primary
/// one's draft (<see cref="CriterionContext.Primary"/>).
/// </summary>
public static partial class Dependencies
{
    /// <summary>The category of the request this one goes with when both are in one case; null when it stands alone.</summary>
    public static string? PrimaryCategory(string category, string treatment) => category switch
    {
        "surgical-adjuncts" => "surgery",
        "physical-therapy" or "durable-medical-equipment" or "home-health" when PostOperative().IsMatch(treatment) => "surgery",
        "gi-protection" => "nsaids",
        _ => null,
    };

    /// <summary>
    /// A criterion outcome from the primary request: met when it was drafted Overturned (necessary), not met when
    /// Upheld; null when the case holds no primary request.
    /// </summary>
    public static CriterionOutcome? FromPrimary(CriterionContext c) => c.Primary is { } primary
        ? new CriterionOutcome(primary.Decision == Letters.Model.Decision.Overturned ? CriterionStatus.Met : CriterionStatus.NotMet,
            [])
        : null;

    [GeneratedRegex(@"post[- ]?op\w*|post[- ]?surg\w*|after (?:the )?surgery|associated surgical service", RegexOptions.IgnoreCase)]
    internal static partial Regex PostOperative();
}
