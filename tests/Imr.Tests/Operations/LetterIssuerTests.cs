using Imr.Letters.Model;
using Imr.Letters.Reading;
using Imr.Letters.Writing;
using Imr.Operations.Model;
using Imr.Operations.Services;
using static Imr.Tests.Operations.OperationsSamples;

namespace Imr.Tests.Operations;

public sealed class LetterIssuerTests
{
    private static readonly DateTimeOffset IssuedAt = NoonIn(2026, 2, 13);

    [Fact]
    public void The_determination_carries_the_case_header_the_listed_credentials_the_summary_and_every_item()
    {
        var application = Application() with
        {
            Priority = Priority.Expedited,
            Treatments = [new("Norco 10/325 mg #60", "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids."), new("Lumbar epidural steroid injection L4-5")],
        };
        var reviewer = Reviewer();
        var c = CaseAt(CaseStatus.QaReview, reviewer, application).RecordQa(QaOutcome.Approved, "", QaUser, NoonIn(2026, 2, 12));

        var d = LetterIssuer.Issue(c, reviewer, IssuedAt, QaUser).Determination;

        Assert.Equal(CaseNumber.Parse("CM26-0000042"), d.CaseNumber);
        Assert.Equal(new DateOnly(2026, 1, 22), d.DateAssigned);
        Assert.Equal(new DateOnly(2024, 3, 14), d.DateOfInjury);
        Assert.Equal(new DateOnly(2026, 2, 13), d.DecisionDate);
        Assert.Equal(new DateOnly(2026, 1, 5), d.UrDenialDate);
        Assert.Equal(new DateOnly(2026, 1, 20), d.ApplicationReceived);
        Assert.Equal(Priority.Expedited, d.Priority);
        Assert.Equal(CredentialPhrasing.Listed, d.Reviewer.Phrasing);
        Assert.Equal(["California", "Oregon"], d.Reviewer.Licensure);
        Assert.Equal(["Physical Medicine & Rehabilitation", "Pain Medicine"], d.Reviewer.Specialties);
        Assert.DoesNotContain("Marsh", LetterTextWriter.Write(d));
        Assert.Equal(Summary, d.CaseSummary);
        Assert.Equal(
            [
                new DeterminationItem("Norco 10/325 mg #60", Decision.Upheld,
                    "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids.",
                    "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids, criteria for use.", UpheldRationale),
                new DeterminationItem("Lumbar epidural steroid injection L4-5", Decision.Overturned,
                    LetterIssuer.NoClaimsAdministratorCitation,
                    "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Epidural steroid injections (ESIs).", OverturnedRationale),
            ],
            d.Items);
    }

    [Fact]
    public void The_issued_letter_reads_back_as_the_same_determination()
    {
        var (c, reviewer) = ApprovedCase();
        var issued = LetterIssuer.Issue(c, reviewer, IssuedAt, QaUser);

        foreach (var determination in new[] { issued.Determination, issued.Redacted })
        {
            var read = LetterReader.ReadText(LetterTextWriter.Write(determination));
            Assert.Empty(read.Diagnostics);
            Assert.Equal(determination, read.Determination);
        }
    }

    [Fact]
    public void Only_the_assigned_reviewer_and_only_decided_work_can_issue()
    {
        var (c, _) = ApprovedCase();
        Assert.Throws<RuleViolationException>(() => LetterIssuer.Issue(c, Reviewer("Someone else, MD"), IssuedAt, QaUser));

        var reviewer = Reviewer();
        var draft = CaseAt(CaseStatus.Assigned, reviewer).SaveReview(CompleteWork() with { Items = [CompleteWork().Items[0], ItemReview.Undecided] }, IssuedAt);
        Assert.Throws<RuleViolationException>(() => LetterIssuer.Issue(draft, reviewer, IssuedAt, QaUser));
    }

    [Fact]
    public void The_published_copy_names_no_party_and_says_what_was_replaced()
    {
        var (c, reviewer) = ApprovedCase();

        var issued = LetterIssuer.Issue(c, reviewer, IssuedAt, QaUser);

        var published = LetterTextWriter.Write(issued.Redacted);
        foreach (var name in new[] { "Maria", "Gonzalez", "Harbor Freight", "Whitfield", "Golden Bear" })
            Assert.DoesNotContain(name, published, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("The injured worker is a 47 year old warehouse worker at the employer who injured her low back", issued.Redacted.CaseSummary);
        Assert.Contains("The requesting physician requests Norco", issued.Redacted.CaseSummary);
        Assert.Contains("The claims administrator denied both.", issued.Redacted.CaseSummary);
        Assert.Contains("The injured worker has taken Norco since 2024", issued.Redacted.Items[0].Rationale);
        Assert.Equal(["claims administrator", "employee", "employer", "requesting physician"], issued.Redactions.Select(r => r.Kind).Order());
        Assert.Equal(2, issued.Redactions.Single(r => r.Kind == "employee").Count);
        // The letter itself keeps the names; only the published copy loses them.
        Assert.Contains("Maria Gonzalez", issued.Determination.CaseSummary);
        Assert.Equal(issued.Determination with { CaseSummary = "", Items = [] }, issued.Redacted with { CaseSummary = "", Items = [] });
    }

    [Fact]
    public void Redaction_matches_names_in_other_orders_and_with_titles_but_not_ordinary_words()
    {
        var application = Application() with { EmployeeName = "Rose Young", RequestingPhysician = "John A. Smith, MD", Employer = "Young Construction LLC" };
        var determination = new Determination
        {
            CaseSummary = "Young, Rose saw Dr. Smith. Per John Smith, M.D., the young worker at Young Construction had pain. " +
                          "Ms. Young can be reached at rose.young@example.com or (555) 123-4567; SSN 123-45-6789. Dosage 10/325 twice a day.",
        };

        var (redacted, counts) = Redactor.Redact(determination, application);

        Assert.Equal(
            "The injured worker saw the requesting physician. Per the requesting physician, the young worker at the employer had pain. " +
            "The injured worker can be reached at [redacted] or [redacted]; SSN [redacted]. Dosage 10/325 twice a day.",
            redacted.CaseSummary);
        Assert.Contains(counts, c => c.Kind == "e-mail address" && c.Count == 1);
        Assert.Contains(counts, c => c.Kind == "social security number" && c.Count == 1);
    }

    [Fact]
    public void The_archive_record_is_the_redacted_copy_under_the_case_number()
    {
        var (c, reviewer) = ApprovedCase();
        var issued = LetterIssuer.Issue(c, reviewer, IssuedAt, QaUser);

        var record = LetterIssuer.ToArchiveRecord(issued);

        Assert.Equal("CM26-0000042", record.Key);
        Assert.Equal("operations/CM26-0000042", record.Source);
        Assert.Same(issued.Redacted, record.Determination);
    }
}
