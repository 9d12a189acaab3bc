namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>MRI, CT or radiographs of the lumbar spine: MTUS ACOEM Low Back Complaints (2004), Special Studies.</summary>
public static class ImagingLumbar
{
    private const string Source = "MTUS Low Back Complaints 2004, Special Studies and Diagnostic Considerations";

    public static Policy Policy { get; } = new(
        "imaging-lumbar",
        ["imaging"],
        Policy.Mtus("Low Back Complaints", 2004, "Special Studies", "Summary"),
        EvidenceLevel.Mtus,
        "state that unequivocal objective findings that identify specific nerve compromise on the neurologic examination are sufficient evidence to warrant imaging in patients who do not respond to treatment and who would consider surgery an option; imaging is also indicated when red flags are present",
        ImagingSpine.Criteria("imaging-lumbar", Source),
        c => c.BodyRegion?.Id is "lumbar" or "spine" or "pelvis");
}
