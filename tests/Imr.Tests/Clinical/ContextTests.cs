using Imr.Clinical;
using static Imr.Tests.Clinical.ClinicalAssert;

namespace Imr.Tests.Clinical;

/// <summary>NegEx/ConText across fact kinds: negation, uncertainty, history, plans, scope ends and look-alikes.</summary>
public class ContextTests
{
    private static ClinicalFact FindAny(string input, string evidence)
    {
        var facts = ClinicalFacts.Extract(input).All().Where(f => f is not (BodySite or LateralityMention or SpinalLevel or DateMention or Duration));
        return Find(facts, input, evidence);
    }

    [Theory]
    [InlineData("There is no radicular pain.", "radicular pain", Assertion.Negated)]
    [InlineData("She denies numbness.", "numbness", Assertion.Negated)]
    [InlineData("Negative straight leg raise.", "straight leg raise", Assertion.Negated)]
    [InlineData("Neck pain without weakness.", "weakness", Assertion.Negated)]
    [InlineData("MRI of the cervical spine to rule out herniated nucleus pulposus.", "herniated nucleus pulposus", Assertion.Possible)]
    [InlineData("He has a history of lumbar fusion.", "lumbar fusion", Assertion.Historical)]
    [InlineData("There was no evidence of red flags.", "red flags", Assertion.Negated)]
    [InlineData("There is no documentation of functional improvement.", "functional improvement", Assertion.Negated)]
    [InlineData("She denied any pain, numbness, tingling or weakness of her arms.", "weakness", Assertion.Negated)]
    [InlineData("He denies numbness but reports tingling.", "tingling", Assertion.Present)]
    [InlineData("He denies numbness; tingling is present.", "tingling", Assertion.Present)]
    [InlineData("Tinel's sign and Phalen's test are negative.", "Tinel's sign", Assertion.Negated)]
    [InlineData("Positive Tinel's and negative Phalen's.", "Tinel's", Assertion.Present)]
    [InlineData("Positive Tinel's and negative Phalen's.", "Phalen's", Assertion.Negated)]
    [InlineData("The request for MRI without contrast was non-certified.", "MRI", Assertion.Hypothetical)]
    [InlineData("There was no prior surgery.", "surgery", Assertion.Negated)]
    [InlineData("There is no history of cancer.", "cancer", Assertion.Negated)]
    [InlineData("There was no increase in numbness.", "numbness", Assertion.Present)]
    [InlineData("Physical therapy was denied due to lack of documentation of functional improvement.", "Physical therapy", Assertion.Hypothetical)]
    [InlineData("Physical therapy was denied due to lack of documentation of functional improvement.", "functional improvement", Assertion.Negated)]
    [InlineData("The MRI was recommended due to worsening symptoms and decreased sensation.", "decreased sensation", Assertion.Present)]
    [InlineData("Motor strength was noted to be 4 out of 5.", "Motor strength was noted to be 4 out of 5", Assertion.Present)]
    [InlineData("Symptoms worsened over the past week with numbness.", "numbness", Assertion.Present)]
    [InlineData("The injured worker would like to start acupuncture.", "acupuncture", Assertion.Hypothetical)]
    [InlineData("Spurling test is questionable on the left.", "Spurling test", Assertion.Possible)]
    [InlineData("Treatment has included physical therapy. The MRI was recommended to evaluate for a tear.", "physical therapy", Assertion.Present)]
    [InlineData("There were no positive neurological findings.", "neurological findings", Assertion.Negated)]
    [InlineData("The examination was without positive neurological signs.", "neurological signs", Assertion.Negated)]
    [InlineData("He denies weakness, positive straight leg raise on the left.", "straight leg raise", Assertion.Present)]
    public void Reads_how_each_fact_is_asserted(string input, string evidence, Assertion assertion) =>
        Assert.Equal(assertion, FindAny(input, evidence).Assertion);

    [Theory]
    [InlineData("His mother has a history of cancer.", "cancer", Subject.Other)]
    [InlineData("There is a family history of cancer.", "cancer", Subject.Other)]
    [InlineData("He has a history of cancer.", "cancer", Subject.Patient)]
    public void Reads_whom_a_fact_is_about(string input, string evidence, Subject subject) =>
        Assert.Equal(subject, FindAny(input, evidence).Subject);

    [Fact]
    public void Lists_each_trigger_once() => Assert.Empty(TriggerTrie.Default.Duplicates);
}

public class SentenceTests
{
    [Theory]
    [InlineData("Dr. Smith saw the patient. Pain was 5/10.", "Dr. Smith saw the patient.|Pain was 5/10.")]
    [InlineData("Flexeril 7.5mg q.d. for spasm. Pain is better.", "Flexeril 7.5mg q.d. for spasm.|Pain is better.")]
    [InlineData("Modalities, e.g. ice and heat, were used. Next visit in 2 weeks.", "Modalities, e.g. ice and heat, were used.|Next visit in 2 weeks.")]
    [InlineData("The x-ray was normal.A treating physician note followed.", "The x-ray was normal.|A treating physician note followed.")]
    [InlineData("She takes 7.5 mg. He has pain.", "She takes 7.5 mg.|He has pain.")]
    [InlineData("Norco No. 60 was dispensed. Then it stopped.", "Norco No. 60 was dispensed.|Then it stopped.")]
    [InlineData("She said it was \"better.\" The next visit was fine.", "She said it was \"better.\"|The next visit was fine.")]
    [InlineData("Tenderness at the T10 level. L4-5 was tender.", "Tenderness at the T10 level.|L4-5 was tender.")]
    [InlineData("Medications have included: Norco 10-325mg, and Flexeril 5mg.Physician progress notes were reviewed.",
        "Medications have included: Norco 10-325mg, and Flexeril 5mg.|Physician progress notes were reviewed.")]
    [InlineData("Pain, i.e. burning pain, was noted. Is it better? Yes!", "Pain, i.e. burning pain, was noted.|Is it better?|Yes!")]
    [InlineData("Line one\n\nLine two", "Line one|Line two")]
    public void Splits_sentences(string input, string expected)
    {
        var record = ClinicalFacts.Extract(input);
        Assert.Equal(expected, string.Join("|", record.Sentences.Select(s => s.Text)));
        foreach (var s in record.Sentences) EvidenceHolds(input, s);
    }
}
