using Imr.Clinical;
using static Imr.Tests.Clinical.ClinicalAssert;

namespace Imr.Tests.Clinical;

public class FunctionalImprovementTests
{
    [Theory]
    [InlineData("He reports improved ability to perform ADLs.", "improved ability to perform ADLs", FunctionDomain.ActivitiesOfDailyLiving, Assertion.Present)]
    [InlineData("She notes increased walking tolerance.", "increased walking tolerance", FunctionDomain.Walking, Assertion.Present)]
    [InlineData("There is no documentation of functional improvement.", "functional improvement", FunctionDomain.General, Assertion.Negated)]
    [InlineData("He was able to return to work last month.", "return to work", FunctionDomain.Work, Assertion.Present)]
    [InlineData("Denied due to lack of documentation of functional improvement from any previous use.", "functional improvement", FunctionDomain.General, Assertion.Negated)]
    [InlineData("6 chiropractic treatments (without documentation of functional objective improvement).", "functional objective improvement", FunctionDomain.General, Assertion.Negated)]
    [InlineData("Chiropractic notes show improved range of motion of the lumbar spine.", "improved range of motion", FunctionDomain.RangeOfMotion, Assertion.Present)]
    [InlineData("She has increased sitting tolerance.", "increased sitting tolerance", FunctionDomain.Sitting, Assertion.Present)]
    [InlineData("He reports better sleep with the medication.", "better sleep", FunctionDomain.Sleep, Assertion.Present)]
    [InlineData("After the ablation the patient was able to stop taking oxycodone.", "able to stop taking oxycodone", FunctionDomain.MedicationReduction, Assertion.Present)]
    [InlineData("Hand therapy noted increased ability to use arm.", "increased ability to use arm", FunctionDomain.Activity, Assertion.Present)]
    [InlineData("The records failed to demonstrate functional improvement.", "functional improvement", FunctionDomain.General, Assertion.Negated)]
    [InlineData("Continued therapy would require objective functional improvement.", "objective functional improvement", FunctionDomain.General, Assertion.Hypothetical)]
    [InlineData("She has returned to full duty.", "returned to full duty", FunctionDomain.Work, Assertion.Present)]
    [InlineData("There was improvement in function with therapy.", "improvement in function", FunctionDomain.General, Assertion.Present)]
    public void Reads_functional_improvement(string input, string evidence, FunctionDomain domain, Assertion assertion)
    {
        var f = Find(ClinicalFacts.Extract(input).FunctionalImprovements, input, evidence);
        Assert.Equal(domain, f.Domain);
        Assert.Equal(assertion, f.Assertion);
    }

    [Theory]
    [InlineData("Work status is return to work with restrictions as of 10-28-2016.")]
    [InlineData("Per the progress report, the patient can return to work with restrictions.")]
    [InlineData("She may return to modified duty next week.")]
    [InlineData("He was released to return to work with a 10 pound lifting limit.")]
    public void Does_not_read_a_work_status_or_permission_as_a_gain(string input) =>
        Assert.Empty(ClinicalFacts.Extract(input).FunctionalImprovements);

    [Fact]
    public void Reads_a_return_to_work_that_happened_as_a_gain() =>
        Assert.Single(ClinicalFacts.Extract("After the injections he was able to return to work full duty.").FunctionalImprovements);
}

public class RedFlagTests
{
    [Theory]
    [InlineData("He presented with cauda equina syndrome.", "cauda equina syndrome", RedFlagKind.CaudaEquina, Assertion.Present)]
    [InlineData("No signs of cauda equina syndrome.", "cauda equina syndrome", RedFlagKind.CaudaEquina, Assertion.Negated)]
    [InlineData("She denies bowel or bladder dysfunction.", "bowel or bladder dysfunction", RedFlagKind.BowelBladderDysfunction, Assertion.Negated)]
    [InlineData("There is a progressive neurological deficit.", "progressive neurological deficit", RedFlagKind.ProgressiveNeurologicalDeficit, Assertion.Present)]
    [InlineData("No compression fractures.", "compression fractures", RedFlagKind.Fracture, Assertion.Negated)]
    [InlineData("He has a history of cancer.", "cancer", RedFlagKind.Tumor, Assertion.Historical)]
    [InlineData("There was no evidence of red flags.", "red flags", RedFlagKind.Unspecified, Assertion.Negated)]
    [InlineData("He reports fever and chills.", "fever", RedFlagKind.Fever, Assertion.Present)]
    [InlineData("She reports unexplained weight loss.", "unexplained weight loss", RedFlagKind.WeightLoss, Assertion.Present)]
    [InlineData("X-rays were ordered to rule out fracture.", "fracture", RedFlagKind.Fracture, Assertion.Possible)]
    [InlineData("The incision was healing with no drainage or evidence of infection.", "infection", RedFlagKind.Infection, Assertion.Negated)]
    [InlineData("She reports urinary incontinence.", "urinary incontinence", RedFlagKind.BowelBladderDysfunction, Assertion.Present)]
    [InlineData("He denies saddle anesthesia.", "saddle anesthesia", RedFlagKind.CaudaEquina, Assertion.Negated)]
    [InlineData("Therapy for left foot fracture was the original request.", "fracture", RedFlagKind.Fracture, Assertion.Present)]
    [InlineData("His mother has a history of cancer.", "cancer", RedFlagKind.Tumor, Assertion.Historical)]
    public void Reads_red_flags(string input, string evidence, RedFlagKind kind, Assertion assertion)
    {
        var f = Find(ClinicalFacts.Extract(input).RedFlags, input, evidence);
        Assert.Equal(kind, f.Kind);
        Assert.Equal(assertion, f.Assertion);
    }

    [Fact]
    public void Tells_a_relative_from_the_patient()
    {
        const string input = "His mother has a history of cancer.";
        Assert.Equal(Subject.Other, Find(ClinicalFacts.Extract(input).RedFlags, input, "cancer").Subject);
        Assert.False(Find(ClinicalFacts.Extract(input).RedFlags, input, "cancer").IsAffirmed);
    }
}

public class NeuroFindingTests
{
    public static TheoryData<string, string, NeuroFindingKind, Assertion, Side?, string, string?> Findings => new()
    {
        { "There was decreased sensation in the L4-S1 distribution.", "decreased sensation", NeuroFindingKind.SensoryDeficit, Assertion.Present, null, "L4-S1", null },
        { "Objective findings were notable for decreased C5 and C6 dermatome sensation.", "decreased C5 and C6 dermatome sensation", NeuroFindingKind.SensoryDeficit, Assertion.Present, null, "C5|C6", null },
        { "Motor strength was 4/5 in the bilateral lower extremities.", "Motor strength was 4/5", NeuroFindingKind.Weakness, Assertion.Present, Side.Bilateral, "", "4/5" },
        { "Right ankle deep tendon reflex 1+.", "deep tendon reflex 1+", NeuroFindingKind.ReflexChange, Assertion.Present, Side.Right, "", "1+" },
        { "Deep tendon reflexes were 2+ and symmetrical.", "Deep tendon reflexes were 2+", NeuroFindingKind.ReflexChange, Assertion.Negated, null, "", "2+" },
        { "There was a positive straight leg raise test on the right at 65 degrees.", "straight leg raise test", NeuroFindingKind.StraightLegRaise, Assertion.Present, Side.Right, "", "65 degrees" },
        { "Negative straight leg raise bilaterally.", "straight leg raise", NeuroFindingKind.StraightLegRaise, Assertion.Negated, Side.Bilateral, "", null },
        { "Examination showed a positive Spurling's.", "Spurling's", NeuroFindingKind.Spurling, Assertion.Present, null, "", null },
        { "There was no radicular pain with a Spurling maneuver.", "Spurling maneuver", NeuroFindingKind.Spurling, Assertion.Negated, null, "", null },
        { "She denies numbness.", "numbness", NeuroFindingKind.Numbness, Assertion.Negated, null, "", null },
        { "He reports neck pain without weakness.", "weakness", NeuroFindingKind.Weakness, Assertion.Negated, null, "", null },
        { "Sensation was intact.", "Sensation was intact", NeuroFindingKind.SensoryDeficit, Assertion.Negated, null, "", null },
        { "There is no radicular pain.", "radicular pain", NeuroFindingKind.Radiculopathy, Assertion.Negated, null, "", null },
        { "Diagnoses include cervical radiculopathy.", "radiculopathy", NeuroFindingKind.Radiculopathy, Assertion.Present, null, "", null },
        { "She reports numbness and tingling in the right hand.", "tingling", NeuroFindingKind.Tingling, Assertion.Present, Side.Right, "", null },
        { "He complained of paresthesias of the right thigh.", "paresthesias", NeuroFindingKind.Paresthesia, Assertion.Present, Side.Right, "", null },
        { "Left foot muscle strength is 5 out of 5.", "muscle strength is 5 out of 5", NeuroFindingKind.Weakness, Assertion.Negated, Side.Left, "", "5/5" },
        { "Straight leg raise test on the left is positive and on the right is negative.", "Straight leg raise test", NeuroFindingKind.StraightLegRaise, Assertion.Present, Side.Left, "", null },
        { "Tinel's negative at elbow.", "Tinel's", NeuroFindingKind.NerveSign, Assertion.Negated, null, "", "Tinel" },
        { "No neurological deficits in the lower extremities.", "neurological deficits", NeuroFindingKind.NeurologicalDeficit, Assertion.Negated, null, "", null },
        { "Spurling test is questionable on the left.", "Spurling test", NeuroFindingKind.Spurling, Assertion.Possible, Side.Left, "", null },
        { "There was diminished sensation in the right L4 and L5 dermatomes.", "diminished sensation", NeuroFindingKind.SensoryDeficit, Assertion.Present, Side.Right, "L4|L5", null },
        { "MRI was recommended due to decreased right ankle reflex.", "decreased right ankle reflex", NeuroFindingKind.ReflexChange, Assertion.Present, Side.Right, "", null },
        { "With and without resistance, motor strength is 4 out of 5.", "motor strength is 4 out of 5", NeuroFindingKind.Weakness, Assertion.Present, null, "", "4/5" },
        { "Pain radiating to the right thigh.", "radiating to", NeuroFindingKind.RadiatingPain, Assertion.Present, Side.Right, "", null },
    };

    [Theory]
    [MemberData(nameof(Findings))]
    public void Reads_neurological_findings(string input, string evidence, NeuroFindingKind kind, Assertion assertion, Side? side, string levels, string? detail)
    {
        var f = Find(ClinicalFacts.Extract(input).NeuroFindings.Where(n => n.Kind == kind), input, evidence);
        Assert.Equal(assertion, f.Assertion);
        Assert.Equal(side, f.Side);
        Assert.Equal(levels, string.Join("|", f.Levels));
        Assert.Equal(detail, f.Detail);
    }
}

public class ExamTestTests
{
    [Theory]
    [InlineData("Hawkins impingement maneuver was positive.", "Hawkins impingement maneuver", "Hawkins", Assertion.Present)]
    [InlineData("Upper extremities revealed negative Neer's, Hawkins', empty can, and short arm crossover test.", "Neer's", "Neer", Assertion.Negated)]
    [InlineData("Upper extremities revealed negative Neer's, Hawkins', empty can, and short arm crossover test.", "empty can", "EmptyCan", Assertion.Negated)]
    [InlineData("Drop arm test was positive.", "Drop arm test", "DropArm", Assertion.Present)]
    [InlineData("There was a positive McMurray's on the right.", "McMurray's", "McMurray", Assertion.Present)]
    [InlineData("Cervical compression test was negative.", "Cervical compression test", "Compression", Assertion.Negated)]
    [InlineData("Examination revealed positive Tinel's and positive Finkelstein's.", "Finkelstein's", "Finkelstein", Assertion.Present)]
    [InlineData("There was a negative Neer's test, Hawkins' test, and Speed's test.", "Speed's test", "Speed", Assertion.Negated)]
    [InlineData("The lumbar exam showed a positive Kemp's test.", "Kemp's test", "Kemp", Assertion.Present)]
    [InlineData("Patrick- Faber's test was negative.", "Patrick- Faber's test", "Faber", Assertion.Negated)]
    [InlineData("Positive Hawkins, negative Neer's.", "Hawkins", "Hawkins", Assertion.Present)]
    public void Reads_examination_tests(string input, string evidence, string name, Assertion assertion)
    {
        var t = Find(ClinicalFacts.Extract(input).ExamTests, input, evidence);
        Assert.Equal(name, t.Name);
        Assert.Equal(assertion, t.Assertion);
    }

    [Fact]
    public void Leaves_ordinary_words_alone() => Assert.Empty(ClinicalFacts.Extract("The speed of recovery and the mills nearby were discussed.").ExamTests);
}

public class WorkStatusTests
{
    [Theory]
    [InlineData("The injured worker is working modified duties.", "modified duties", WorkStatusKind.ModifiedDuty)]
    [InlineData("The injured worker was placed off work through 12-12-2016.", "placed off work", WorkStatusKind.OffWork)]
    [InlineData("The worker continued on temporary total disability.", "temporary total disability", WorkStatusKind.TemporaryTotalDisability)]
    [InlineData("He has returned to full duty.", "returned to full duty", WorkStatusKind.FullDuty)]
    [InlineData("Work status is not documented.", "Work status is not documented", WorkStatusKind.NotDocumented)]
    [InlineData("She remains temporarily totally disabled.", "temporarily totally disabled", WorkStatusKind.TemporaryTotalDisability)]
    [InlineData("Work status is return to work with restrictions.", "return to work with restrictions", WorkStatusKind.ModifiedDuty)]
    [InlineData("The injured worker is not working.", "not working", WorkStatusKind.OffWork)]
    [InlineData("Light duty was being accommodated.", "Light duty", WorkStatusKind.ModifiedDuty)]
    [InlineData("He was declared permanent and stationary.", "permanent and stationary", WorkStatusKind.PermanentAndStationary)]
    [InlineData("Status: TTD.", "TTD", WorkStatusKind.TemporaryTotalDisability)]
    [InlineData("He has been out of work since the injury.", "out of work", WorkStatusKind.OffWork)]
    public void Reads_work_status(string input, string evidence, WorkStatusKind kind)
    {
        var w = Find(ClinicalFacts.Extract(input).WorkStatuses, input, evidence);
        Assert.Equal(kind, w.Kind);
        Assert.Equal(Assertion.Present, w.Assertion);
    }

    [Fact]
    public void Knows_a_working_spouse_is_not_the_patient()
    {
        const string input = "A home aide is requested when his wife is working.";
        Assert.Equal(Subject.Other, Find(ClinicalFacts.Extract(input).WorkStatuses, input, "is working").Subject);
    }
}

public class OpioidMonitoringTests
{
    [Theory]
    [InlineData("A urine drug screen on 10/1/2016 was consistent with prescribed medications.", "urine drug screen", MonitoringKind.UrineDrugScreen, MonitoringResult.Consistent, Assertion.Present)]
    [InlineData("The last UDS was inconsistent.", "UDS", MonitoringKind.UrineDrugScreen, MonitoringResult.Inconsistent, Assertion.Present)]
    [InlineData("A urine drug screen was positive for marijuana.", "urine drug screen", MonitoringKind.UrineDrugScreen, MonitoringResult.Inconsistent, Assertion.Present)]
    [InlineData("The request for a urine drug screen was denied.", "urine drug screen", MonitoringKind.UrineDrugScreen, MonitoringResult.NotStated, Assertion.Hypothetical)]
    [InlineData("The CURES report was reviewed and was appropriate.", "CURES report", MonitoringKind.PrescriptionDatabase, MonitoringResult.Consistent, Assertion.Present)]
    [InlineData("He signed an opioid agreement.", "opioid agreement", MonitoringKind.TreatmentAgreement, MonitoringResult.NotStated, Assertion.Present)]
    [InlineData("A urine toxicology screen was negative for opioids.", "urine toxicology screen", MonitoringKind.UrineDrugScreen, MonitoringResult.Negative, Assertion.Present)]
    [InlineData("There were no urine drug screens in the records.", "urine drug screens", MonitoringKind.UrineDrugScreen, MonitoringResult.NotStated, Assertion.Negated)]
    public void Reads_monitoring(string input, string evidence, MonitoringKind kind, MonitoringResult result, Assertion assertion)
    {
        var m = Find(ClinicalFacts.Extract(input).OpioidMonitoring, input, evidence);
        Assert.Equal(kind, m.Kind);
        Assert.Equal(result, m.Result);
        Assert.Equal(assertion, m.Assertion);
        if (m.ResultEvidence is { } e) EvidenceHolds(input, e);
    }

    [Theory]
    [InlineData("There is no aberrant behavior.", "aberrant behavior", Assertion.Negated)]
    [InlineData("He has a history of early refills.", "early refills", Assertion.Historical)]
    [InlineData("Drug-seeking behavior was noted.", "Drug-seeking behavior", Assertion.Present)]
    [InlineData("There was no evidence of misuse.", "misuse", Assertion.Negated)]
    [InlineData("She denies drug abuse.", "drug abuse", Assertion.Negated)]
    public void Reads_aberrant_behaviour(string input, string evidence, Assertion assertion) =>
        Assert.Equal(assertion, Find(ClinicalFacts.Extract(input).AberrantBehaviors, input, evidence).Assertion);
}
