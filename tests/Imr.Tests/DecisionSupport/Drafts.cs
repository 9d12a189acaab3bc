using Imr.DecisionSupport;

namespace Imr.Tests.DecisionSupport;

/// <summary>Drafting one request from an invented case summary, and reading a criterion of the draft.</summary>
internal static class Drafts
{
    public static DraftItem Draft(string summary, string treatment, DateOnly? injury = null, DateOnly? review = null) =>
        DraftEngine.Draft(new CaseFile { CaseSummary = summary, Items = [new CaseFileItem(treatment)], DateOfInjury = injury, UrDenialDate = review }).Items.Single();

    public static CriterionStatus Status(DraftItem item, string id) => item.Criteria.Single(c => c.Id == id).Status;
}
