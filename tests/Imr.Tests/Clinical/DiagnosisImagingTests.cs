using Imr.Clinical;
using static Imr.Tests.Clinical.ClinicalAssert;

namespace Imr.Tests.Clinical;

public class DiagnosisTests
{
    [Theory]
    [InlineData("The injured worker was diagnosed with lumbar radiculopathy and lumbar sprain.", "lumbar radiculopathy|lumbar sprain")]
    [InlineData("The diagnoses include cervicalgia, cervical spondylosis.", "cervicalgia|cervical spondylosis")]
    [InlineData("The injured worker was being treated for the diagnoses of right shoulder contusion, neck strain, right shoulder injury, scapulothoracic syndrome and right arm paresthesias.",
        "right shoulder contusion|neck strain|right shoulder injury|scapulothoracic syndrome|right arm paresthesias")]
    [InlineData("The current diagnoses are documented as cervicalgia; lumbago with sciatica; and pain in thoracic spine.", "cervicalgia|lumbago with sciatica|pain in thoracic spine")]
    [InlineData("The injured worker has been treated for lumbar strain. On 11-1-16 she complained of pain.", "lumbar strain")]
    [InlineData("The attending provider gave the applicant a diagnosis of \"lumbar pain with radiculopathy.\"", "lumbar pain with radiculopathy")]
    [InlineData("Diagnoses include bilateral shoulder strain and sprain with impingement, and bilateral wrist strain and sprain.",
        "bilateral shoulder strain and sprain with impingement|bilateral wrist strain and sprain")]
    [InlineData("Medical records indicate the worker is undergoing treatment for cervical, thoracic and lumbar myoligamentous injury.",
        "cervical, thoracic and lumbar myoligamentous injury")]
    [InlineData("The injured worker is being treated for contusion of face, scalp and neck and acute cervical sprain.", "contusion of face, scalp and neck|acute cervical sprain")]
    [InlineData("The diagnosis is strain of muscle, fascia and tendon at neck level.", "strain of muscle, fascia and tendon at neck level")]
    [InlineData("Diagnoses include low back pain and lumbar muscle strain, subsequent.", "low back pain|lumbar muscle strain")]
    public void Splits_diagnosis_lists(string input, string expected)
    {
        var record = ClinicalFacts.Extract(input);
        Assert.Equal(expected, string.Join("|", record.Diagnoses.Select(d => d.Text)));
        foreach (var d in record.Diagnoses) EvidenceHolds(input, d.Evidence);
    }

    [Theory]
    [InlineData("The treatment plan included MRI of the cervical spine to rule out herniated nucleus pulposus.", "herniated nucleus pulposus", Assertion.Possible)]
    [InlineData("The record documented a history of a diagnosis of autism spectrum disorder.", "autism spectrum disorder", Assertion.Historical)]
    [InlineData("Diagnoses included left shoulder impingement, status post cubital tunnel release and status post carpal tunnel.", "cubital tunnel release", Assertion.Historical)]
    [InlineData("Diagnoses included left shoulder impingement, status post cubital tunnel release and status post carpal tunnel.", "left shoulder impingement", Assertion.Present)]
    [InlineData("The review recommended noncertification of Botox given the lack of the diagnosis of cervical dystonia.", "cervical dystonia", Assertion.Negated)]
    [InlineData("He is undergoing treatment for left shoulder labral tear, possible rotator cuff tear and impingement syndrome and left thumb fracture.", "rotator cuff tear", Assertion.Possible)]
    [InlineData("He is undergoing treatment for left shoulder labral tear, possible rotator cuff tear and impingement syndrome and left thumb fracture.", "left thumb fracture", Assertion.Present)]
    [InlineData("A knee MRI to evaluate for a medial meniscal tear was requested.", "medial meniscal tear", Assertion.Possible)]
    public void Reads_how_a_diagnosis_is_held(string input, string evidence, Assertion assertion) =>
        Assert.Equal(assertion, Find(ClinicalFacts.Extract(input).Diagnoses, input, evidence).Assertion);

    [Fact]
    public void Gives_a_diagnosis_its_region_and_side()
    {
        const string input = "Diagnoses include right shoulder contusion.";
        var d = Find(ClinicalFacts.Extract(input).Diagnoses, input, "right shoulder contusion");
        Assert.Equal(BodyRegion.Shoulder, d.Region);
        Assert.Equal(Side.Right, d.Side);
    }
}

public class ImagingTests
{
    [Theory]
    [InlineData("X-ray of the right shoulder on 10-13-16 revealed evidence of right shoulder rotator cuff tendinopathy.", "X-ray", ImagingModality.XRay,
        BodyRegion.Shoulder, Side.Right, "evidence of right shoulder rotator cuff tendinopathy", Assertion.Present)]
    [InlineData("Studies included an MRI of the lumbar spine on 12-07-2016 which showed exaggerated lumbosacral lordosis.", "MRI", ImagingModality.Mri,
        BodyRegion.Lumbar, null, "exaggerated lumbosacral lordosis", Assertion.Present)]
    [InlineData("The treatment plan included MRI of the cervical spine.", "MRI", ImagingModality.Mri, BodyRegion.Cervical, null, null, Assertion.Hypothetical)]
    [InlineData("A CT Scan was noted as \"normal.\"", "CT Scan", ImagingModality.CT, null, null, "normal", Assertion.Present)]
    [InlineData("EMG/NCV of the bilateral upper extremities was requested.", "EMG/NCV", ImagingModality.Electrodiagnostic, BodyRegion.UpperExtremity, Side.Bilateral, null, Assertion.Hypothetical)]
    [InlineData("X-rays of the lumbar spine showed no fractures.", "X-rays", ImagingModality.XRay, BodyRegion.Lumbar, null, "no fractures", Assertion.Present)]
    [InlineData("Knee MRI imaging was ordered.", "MRI imaging", ImagingModality.Mri, BodyRegion.Knee, null, null, Assertion.Hypothetical)]
    [InlineData("X-rays or labs were not described as performed.", "X-rays", ImagingModality.XRay, null, null, null, Assertion.Negated)]
    [InlineData("The provider noted negative hip and lumbar x-ray.", "x-ray", ImagingModality.XRay, BodyRegion.Lumbar, null, "negative", Assertion.Present)]
    [InlineData("Computerized tomography of the brain was documented as showing a right frontal skull fracture.", "Computerized tomography", ImagingModality.CT,
        BodyRegion.Head, null, "a right frontal skull fracture", Assertion.Present)]
    [InlineData("The request for MRI of the cervical spine to rule out herniated nucleus pulposus and MRI of the right shoulder was denied.", "MRI of the right shoulder",
        ImagingModality.Mri, BodyRegion.Shoulder, Side.Right, null, Assertion.Hypothetical)]
    public void Reads_imaging(string input, string evidence, ImagingModality modality, BodyRegion? region, Side? side, string? finding, Assertion assertion)
    {
        var record = ClinicalFacts.Extract(input);
        // The last test names the second study by its words; the study's own evidence is its modality.
        var study = evidence.StartsWith("MRI of", StringComparison.Ordinal)
            ? record.ImagingStudies.Last()
            : Find(record.ImagingStudies, input, evidence);
        Assert.Equal(modality, study.Modality);
        Assert.Equal(region, study.Region);
        Assert.Equal(side, study.Side);
        Assert.Equal(finding, study.Finding?.Text);
        if (study.Finding is { } f) EvidenceHolds(input, f);
        Assert.Equal(assertion, study.Assertion);
    }

    [Fact]
    public void Dates_a_study()
    {
        const string input = "An MRI of the right shoulder dated 10/27/2016 revealed tendinitis of the supraspinatus tendon.";
        Assert.Equal(new DateOnly(2016, 10, 27), Assert.Single(ClinicalFacts.Extract(input).ImagingStudies).Date);
    }
}
