using Imr.Letters.Model;
using Imr.Operations.Model;

namespace Imr.Tests.Operations;

/// <summary>A clock the test sets: starts at a given moment and moves only when told.</summary>
internal sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>Applications, reviewers and cases the operations tests share. The people are invented.</summary>
internal static class OperationsSamples
{
    /// <summary>Noon in California (PST, UTC−8) on a date.</summary>
    public static DateTimeOffset NoonIn(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.FromHours(-8));

    public static readonly UserId Coordinator = UserId.New();
    public static readonly UserId QaUser = UserId.New();

    public static CaseApplication Application(params string[] treatments) => new()
    {
        EmployeeName = "Maria Gonzalez",
        Employer = "Harbor Freight Lines, Inc.",
        ClaimsAdministrator = "Golden Bear Casualty Insurance Company",
        RequestingPhysician = "Dr. Alan Whitfield",
        DateOfInjury = new DateOnly(2024, 3, 14),
        UrDecisionDate = new DateOnly(2026, 1, 5),
        ReceivedOn = new DateOnly(2026, 1, 20),
        Priority = Priority.Standard,
        Treatments = (treatments.Length == 0 ? ["Norco 10/325 mg #60", "Lumbar epidural steroid injection L4-5"] : treatments)
            .Select(t => new DisputedTreatment(t))
            .ToList(),
    };

    public static ExpertReviewer Reviewer(string name = "Elena Marsh, MD", params string[] specialties) => new()
    {
        Id = ExpertReviewerId.New(),
        Name = name,
        BoardCertifications = specialties.Length == 0 ? ["Physical Medicine & Rehabilitation"] : [specialties[0]],
        Subspecialties = specialties.Length > 1 ? specialties[1..] : specialties.Length == 0 ? ["Pain Medicine"] : [],
        LicensureStates = ["California", "Oregon"],
        YearsInActivePractice = 12,
        WeeklyPracticeHours = 30,
    };

    public const string UpheldRationale =
        "The MTUS recommends opioids for chronic pain only with documented functional improvement and a signed pain agreement. " +
        "Ms. Gonzalez has taken Norco since 2024 without measured improvement in function, and no urine drug screen is on file. " +
        "Therefore, the request for Norco 10/325 mg #60 is not medically necessary.";

    public const string OverturnedRationale =
        "The records document radicular pain in the L5 distribution with MRI evidence of a disc protrusion at L4-5 and failure of six weeks of therapy. " +
        "The MTUS supports an epidural steroid injection under these conditions. " +
        "Therefore, the requested lumbar epidural steroid injection at L4-5 is medically necessary.";

    public const string Summary =
        "Maria Gonzalez is a 47 year old warehouse worker at Harbor Freight Lines who injured her low back on 3/14/2024 lifting a pallet. " +
        "Dr. Whitfield requests Norco and a lumbar epidural injection. Golden Bear Casualty Insurance Company denied both.";

    public static ReviewerWork CompleteWork() => new(Summary,
    [
        new ItemReview(Decision.Upheld, "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids, criteria for use.", UpheldRationale),
        new ItemReview(Decision.Overturned, "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Epidural steroid injections (ESIs).", OverturnedRationale),
    ]);

    /// <summary>A case taken through the flow with the model's own steps, up to <paramref name="until"/>.</summary>
    public static ImrCase CaseAt(CaseStatus until, ExpertReviewer? reviewer = null, CaseApplication? application = null)
    {
        var at = NoonIn(2026, 1, 20);
        var c = ImrCase.Open(CaseId.New(), CaseNumber.Parse("CM26-0000042"), application ?? Application(), at);
        if (until == CaseStatus.Received) return c;
        c = c.RecordEligibility(new EligibilityResult(new DateOnly(2026, 1, 22), []), NoonIn(2026, 1, 22));
        if (until == CaseStatus.Eligible) return c;
        c = c.RequestRecords(NoticeDelivery.Mail, NoonIn(2026, 1, 22));
        c = c.RecordRecordsReceived(new DateOnly(2026, 1, 30), NoonIn(2026, 1, 30));
        if (until == CaseStatus.RecordsRequested) return c;
        c = c.Assign((reviewer ?? Reviewer()).Id, Coordinator, NoonIn(2026, 2, 2));
        if (until == CaseStatus.Assigned) return c;
        c = c.SaveReview(CompleteWork(), NoonIn(2026, 2, 10));
        if (until == CaseStatus.InReview) return c;
        c = c.SubmitForQa(NoonIn(2026, 2, 11));
        if (until == CaseStatus.QaReview) return c;
        throw new ArgumentOutOfRangeException(nameof(until), until, "Build Issued cases with LetterIssuer.");
    }

    /// <summary>A QA-approved case with its reviewer.</summary>
    public static (ImrCase Case, ExpertReviewer Reviewer) ApprovedCase()
    {
        var reviewer = Reviewer();
        var c = CaseAt(CaseStatus.QaReview, reviewer).RecordQa(QaOutcome.Approved, "", QaUser, NoonIn(2026, 2, 12));
        return (c, reviewer);
    }
}
