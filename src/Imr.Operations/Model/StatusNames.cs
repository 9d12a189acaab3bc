namespace Imr.Operations.Model;

/// <summary>A case's status in words ("Records requested", not "RecordsRequested"), as the pages and the
/// case flow's refusals name it.</summary>
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
