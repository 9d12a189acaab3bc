using Imr.Letters.Model;

namespace Imr.Tests.Writing;

/// <summary>A small determination to vary in tests.</summary>
internal static class Sample
{
    public static Determination Determination() => new()
    {
        CaseNumber = CaseNumber.Parse("CM16-0213037"),
        DateAssigned = new DateOnly(2016, 11, 9),
        DateOfInjury = new DateOnly(2016, 10, 13),
        DecisionDate = new DateOnly(2016, 12, 9),
        UrDenialDate = new DateOnly(2016, 11, 3),
        ApplicationReceived = new DateOnly(2016, 11, 3),
        Priority = Priority.Standard,
        Reviewer = new Reviewer(["California", "North Carolina"], ["Family Practice", "Sports Medicine"]),
        CaseSummary = "The injured worker is a 48 year old male who sustained an industrial injury on 10-13-16.",
        Items = [Item()],
    };

    public static DeterminationItem Item() => new(
        "MRI of the right shoulder without contrast",
        Decision.Upheld,
        "Decision based on MTUS Shoulder Complaints 2004.",
        "Decision based on MTUS Shoulder Complaints 2004, Section(s): Special Studies.",
        "There is no evidence of specific nerve compromise warranting an MRI.");
}
