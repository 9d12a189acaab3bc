using Imr.Clinical;
using static Imr.Tests.Clinical.ClinicalAssert;

namespace Imr.Tests.Clinical;

public class MedicationTests
{
    public static TheoryData<string, string, string, DrugClass, string?, string?, string?, double?, bool, int?> Medications => new()
    {
        { "Current medications include Norco 10/325mg #90.", "Norco 10/325mg #90", "Norco", DrugClass.Opioid, "10/325", "mg", null, null, false, 90 },
        { "Flexeril 7.5mg one tablet twice a day was continued.", "Flexeril 7.5mg one tablet twice a day", "Flexeril", DrugClass.MuscleRelaxant, "7.5", "mg", "twice a day", 2, false, null },
        { "She takes tramadol 50 mg q6h prn.", "tramadol 50 mg q6h prn", "tramadol", DrugClass.Opioid, "50", "mg", "q6h", 4, true, null },
        { "Non-certification of Cyclobenzaprine (Flexeril) 7.5mg number ninety (90).", "Cyclobenzaprine (Flexeril) 7.5mg number ninety (90)", "Cyclobenzaprine", DrugClass.MuscleRelaxant, "7.5", "mg", null, null, false, 90 },
        { "She was advised to continue Naproxen 550 mg twice a day as needed.", "Naproxen 550 mg twice a day as needed", "Naproxen", DrugClass.Nsaid, "550", "mg", "twice a day", 2, true, null },
        { "Request for Pantoprazole 40 mg, one by mouth, twice a day #60 with one refill.", "Pantoprazole 40 mg, one by mouth, twice a day #60 with one refill", "Pantoprazole", DrugClass.GastricProtectant, "40", "mg", "twice a day", 2, false, 60 },
        { "If not, Percocet 5-325mg 1-2 tablets every 4-6 hours.", "Percocet 5-325mg 1-2 tablets every 4-6 hours", "Percocet", DrugClass.Opioid, "5-325", "mg", "every 4-6 hours", 6, false, null },
        { "A request for Oxycodone HCL ER 20mg #60 was received.", "Oxycodone HCL ER 20mg #60", "Oxycodone", DrugClass.Opioid, "20", "mg", null, null, false, 60 },
        { "Ketoprofen 50mg as needed every six to eight hours daily.", "Ketoprofen 50mg as needed every six to eight hours daily", "Ketoprofen", DrugClass.Nsaid, "50", "mg", "every six to eight hours", 4, true, null },
        { "Tramadol 50mg with a quantity of 60 was modified.", "Tramadol 50mg with a quantity of 60", "Tramadol", DrugClass.Opioid, "50", "mg", null, null, false, 60 },
        { "She applies Lidoderm 5% patch daily.", "Lidoderm 5% patch daily", "Lidoderm", DrugClass.TopicalAnalgesic, "5", "%", "daily", 1, false, null },
        { "Meloxicam 7.5mg one to two tablets daily #30.", "Meloxicam 7.5mg one to two tablets daily #30", "Meloxicam", DrugClass.Nsaid, "7.5", "mg", "daily", 1, false, 30 },
        { "He takes hydrocodone/APAP 10/325 mg at bedtime.", "hydrocodone/APAP 10/325 mg at bedtime", "hydrocodone/APAP", DrugClass.Opioid, "10/325", "mg", "at bedtime", 1, false, null },
        { "Tylenol No. 3 was prescribed.", "Tylenol No. 3", "Tylenol No. 3", DrugClass.Opioid, null, null, null, null, false, null },
        { "Gabapentin 300 mg three times daily.", "Gabapentin 300 mg three times daily", "Gabapentin", DrugClass.Anticonvulsant, "300", "mg", "three times daily", 3, false, null },
    };

    [Theory]
    [MemberData(nameof(Medications))]
    public void Reads_medications(string input, string evidence, string name, DrugClass drugClass, string? strength, string? unit, string? frequency,
        double? dosesPerDay, bool asNeeded, int? quantity)
    {
        var m = Find(ClinicalFacts.Extract(input).Medications, input, evidence);
        Assert.Equal(name, m.Name);
        Assert.Equal(drugClass, m.Class);
        Assert.False(m.IsClassMention);
        Assert.Equal(strength, m.Strength);
        Assert.Equal(unit, m.Unit);
        Assert.Equal(frequency, m.Frequency);
        Assert.Equal(dosesPerDay, m.DosesPerDay);
        Assert.Equal(asNeeded, m.AsNeeded);
        Assert.Equal(quantity, m.Quantity);
    }

    [Theory]
    [InlineData("Norco 10/325 mg #90", "hydrocodone/acetaminophen")]
    [InlineData("Flexeril", "cyclobenzaprine")]
    [InlineData("hydrocodone/APAP", "hydrocodone/acetaminophen")]
    [InlineData("Mobic", "meloxicam")]
    public void Gives_the_generic_of_a_brand(string input, string generic) => Assert.Equal(generic, ClinicalFacts.Extract(input).Medications[0].Generic);

    [Theory]
    [InlineData("There was no indication that the patient was prescribed any opioid medication.", "opioid medication", DrugClass.Opioid, Assertion.Negated)]
    [InlineData("He takes a muscle relaxant at night.", "muscle relaxant", DrugClass.MuscleRelaxant, Assertion.Present)]
    [InlineData("She uses NSAIDs as needed.", "NSAIDs", DrugClass.Nsaid, Assertion.Present)]
    [InlineData("Relieving factors include narcotic analgesics.", "narcotic analgesics", DrugClass.Opioid, Assertion.Present)]
    [InlineData("The request for compound drugs was denied.", "compound drugs", DrugClass.TopicalAnalgesic, Assertion.Hypothetical)]
    public void Reads_drug_classes(string input, string evidence, DrugClass drugClass, Assertion assertion)
    {
        var m = Find(ClinicalFacts.Extract(input).Medications, input, evidence);
        Assert.True(m.IsClassMention);
        Assert.Equal(drugClass, m.Class);
        Assert.Equal(assertion, m.Assertion);
    }

    [Theory]
    [InlineData("The request for Norco 10/325mg #90 was non-certified.", Assertion.Hypothetical)]
    [InlineData("Current medications include Norco 10/325mg #90.", Assertion.Present)]
    [InlineData("The treatment plan included Norco 10/325mg #90.", Assertion.Hypothetical)]
    [InlineData("He denies taking Norco 10/325mg #90.", Assertion.Negated)]
    public void Reads_whether_a_medication_is_taken_or_requested(string input, Assertion assertion) =>
        Assert.Equal(assertion, Find(ClinicalFacts.Extract(input).Medications, input, "Norco 10/325mg #90").Assertion);
}

public class TreatmentTests
{
    public static TheoryData<string, string, TreatmentKind, int?, TreatmentOutcome, Assertion> Treatments => new()
    {
        { "She completed 12 sessions of physical therapy.", "physical therapy", TreatmentKind.PhysicalTherapy, 12, TreatmentOutcome.Unknown, Assertion.Present },
        { "He has had 24 chiropractic visits with no improvement.", "chiropractic", TreatmentKind.Chiropractic, 24, TreatmentOutcome.NoImprovement, Assertion.Present },
        { "The prior epidural steroid injection provided 60% relief for 8 weeks.", "epidural steroid injection", TreatmentKind.EpiduralSteroidInjection, null, TreatmentOutcome.Improved, Assertion.Historical },
        { "The patient has failed conservative care.", "conservative care", TreatmentKind.ConservativeCare, null, TreatmentOutcome.NoImprovement, Assertion.Present },
        { "She continues a home exercise program.", "home exercise program", TreatmentKind.HomeExercise, null, TreatmentOutcome.Unknown, Assertion.Present },
        { "Treatment to date has included 6 PT (physical therapy) sessions.", "PT (physical therapy)", TreatmentKind.PhysicalTherapy, 6, TreatmentOutcome.Unknown, Assertion.Present },
        { "The request for physical therapy 2 times a week for 6 weeks (12 sessions) was non-certified.", "physical therapy", TreatmentKind.PhysicalTherapy, 12, TreatmentOutcome.Unknown, Assertion.Hypothetical },
        { "A request was received for additional physical therapy 2x4.", "physical therapy", TreatmentKind.PhysicalTherapy, 8, TreatmentOutcome.Unknown, Assertion.Hypothetical },
        { "He has completed 5 of 6 chiropractic sessions. It is documented he has had no improvement.", "chiropractic", TreatmentKind.Chiropractic, 5, TreatmentOutcome.NoImprovement, Assertion.Present },
        { "The injured worker had not started physical therapy yet.", "physical therapy", TreatmentKind.PhysicalTherapy, null, TreatmentOutcome.Unknown, Assertion.Negated },
        { "The worker reported \"minimal improvement\" despite physical therapy.", "physical therapy", TreatmentKind.PhysicalTherapy, null, TreatmentOutcome.NoImprovement, Assertion.Present },
        { "She stated that 6 chiropractic therapy visits have helped.", "chiropractic therapy", TreatmentKind.Chiropractic, 6, TreatmentOutcome.Improved, Assertion.Present },
        { "One bilateral cervical facet injection gave 100% relief of pain for 10 days.", "facet injection", TreatmentKind.FacetInjection, 1, TreatmentOutcome.Improved, Assertion.Present },
        { "Treatment included 6 chiropractic treatments (without documentation of functional objective improvement).", "chiropractic treatments", TreatmentKind.Chiropractic, 6, TreatmentOutcome.NotDocumented, Assertion.Present },
        { "He has a history of lumbar fusion.", "lumbar fusion", TreatmentKind.Surgery, null, TreatmentOutcome.Unknown, Assertion.Historical },
        { "The original review non-certified acupuncture therapy sessions lumbar spine #6.", "acupuncture", TreatmentKind.Acupuncture, 6, TreatmentOutcome.Unknown, Assertion.Hypothetical },
        { "Occupational therapy for nine sessions was the original request.", "Occupational therapy", TreatmentKind.OccupationalTherapy, 9, TreatmentOutcome.Unknown, Assertion.Hypothetical },
        { "Medication and physical therapy was \"not helping.\"", "physical therapy", TreatmentKind.PhysicalTherapy, null, TreatmentOutcome.NoImprovement, Assertion.Present },
        { "She received trigger point injections on 7-22-14.", "trigger point injections", TreatmentKind.TriggerPointInjection, null, TreatmentOutcome.Unknown, Assertion.Present },
        { "A TENS unit was helpful.", "TENS unit", TreatmentKind.Tens, null, TreatmentOutcome.Improved, Assertion.Present },
        { "Right cervical medial branch blocks at C4-5 are requested.", "medial branch blocks", TreatmentKind.MedialBranchBlock, null, TreatmentOutcome.Unknown, Assertion.Hypothetical },
        { "She had a right cervical radiofrequency ablation in 2012.", "radiofrequency ablation", TreatmentKind.RadiofrequencyAblation, null, TreatmentOutcome.Unknown, Assertion.Present },
        { "Chiropractic therapy sessions for the cervical spine, #8 was the original request.", "Chiropractic therapy", TreatmentKind.Chiropractic, 8, TreatmentOutcome.Unknown, Assertion.Hypothetical },
    };

    [Theory]
    [MemberData(nameof(Treatments))]
    public void Reads_treatments(string input, string evidence, TreatmentKind kind, int? count, TreatmentOutcome outcome, Assertion assertion)
    {
        var record = ClinicalFacts.Extract(input);
        var t = Find(record.Treatments, input, evidence);
        Assert.Equal(kind, t.Kind);
        Assert.Equal(count, t.Count);
        Assert.Equal(outcome, t.Outcome);
        Assert.Equal(assertion, t.Assertion);
        if (t.OutcomeEvidence is { } o) EvidenceHolds(input, o);
        Assert.Equal(outcome != TreatmentOutcome.Unknown, t.OutcomeEvidence is not null);
    }

    [Theory]
    [InlineData("On a December 1, 2016 RFA form, 8 sessions of physical therapy were ordered.", TreatmentKind.RadiofrequencyAblation)]
    [InlineData("The medical records included 7 physical therapy reports dated 11-15-2016.", null)]
    public void Does_not_mistake_forms_and_reports(string input, TreatmentKind? absent)
    {
        var record = ClinicalFacts.Extract(input);
        if (absent is { } kind) Assert.DoesNotContain(record.Treatments, t => t.Kind == kind);
        Assert.All(record.Treatments, t => Assert.True(t.Count is null or 8));
    }
}
