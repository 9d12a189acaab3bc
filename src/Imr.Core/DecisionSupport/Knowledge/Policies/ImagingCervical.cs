namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>MRI, CT or radiographs of the cervical and thoracic spine: MTUS ACOEM Neck and Upper Back Complaints (2004),
/// Special Studies (the chapter covers the upper back).</summary>
public static class ImagingCervical
{
    private const string Source = "MTUS Neck and Upper Back Complaints 2004, Special Studies and Diagnostic Considerations";

    public static Policy Policy { get; } = new(
        "imaging-cervical",
        ["imaging"],
        Policy.Mtus("Neck and Upper Back Complaints", 2004, "Special Studies", "Summary"),
        EvidenceLevel.Mtus,
        "state that criteria for ordering imaging studies are emergence of a red flag, physiologic evidence of tissue insult or neurologic dysfunction, failure to progress in a strengthening program intended to avoid surgery, and clarification of the anatomy prior to an invasive procedure",
        ImagingSpine.Criteria("imaging-cervical", Source),
        c => c.BodyRegion?.Id is "cervical" or "thoracic");
}
