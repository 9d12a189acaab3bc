using Imr.Operations.Model;

namespace Imr.Web.Infrastructure;

/// <summary>A case's status in the words the pages use ("Records requested", not "RecordsRequested").</summary>
public static class StatusNames
{
    public static string Of(CaseStatus status) => status switch
    {
        CaseStatus.RecordsRequested => "Records requested",
        CaseStatus.InReview => "In review",
        CaseStatus.QaReview => "QA",
        _ => status.ToString(),
    };
}
