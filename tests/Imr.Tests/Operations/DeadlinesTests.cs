using Imr.Letters.Model;
using Imr.Operations.Model;
using Imr.Operations.Services;
using static Imr.Tests.Operations.OperationsSamples;

namespace Imr.Tests.Operations;

public sealed class DeadlinesTests
{
    private static ImrCase Requested(Priority priority, NoticeDelivery delivery = NoticeDelivery.Mail)
    {
        var c = ImrCase.Open(CaseId.New(), CaseNumber.Parse("CM26-0000001"), Application() with { Priority = priority }, NoonIn(2026, 1, 20));
        c = c.RecordEligibility(new EligibilityResult(new DateOnly(2026, 1, 22), []), NoonIn(2026, 1, 22));
        return c.RequestRecords(delivery, NoonIn(2026, 1, 22));
    }

    [Fact]
    public void A_day_ends_at_midnight_California_time_in_winter_and_in_summer()
    {
        Assert.Equal(new DateTimeOffset(2026, 1, 23, 8, 0, 0, TimeSpan.Zero), Deadlines.EndOf(new DateOnly(2026, 1, 22)));
        Assert.Equal(new DateTimeOffset(2026, 7, 2, 7, 0, 0, TimeSpan.Zero), Deadlines.EndOf(new DateOnly(2026, 7, 1)));
    }

    [Fact]
    public void Standard_records_are_due_fifteen_days_after_a_mailed_notice()
    {
        var records = Deadlines.Of(Requested(Priority.Standard), NoonIn(2026, 1, 23)).Records;

        Assert.Equal(new DateOnly(2026, 2, 6), records.DueOn);
        Assert.Equal(Deadlines.EndOf(new DateOnly(2026, 2, 6)), records.DueAt);
        Assert.Equal(DeadlineState.Due, records.State);
        Assert.Contains("9792.10.5", records.Basis);
    }

    [Fact]
    public void Standard_records_are_due_twelve_days_after_an_electronic_notice()
    {
        var records = Deadlines.Of(Requested(Priority.Standard, NoticeDelivery.Electronic), NoonIn(2026, 1, 23)).Records;

        Assert.Equal(new DateOnly(2026, 2, 3), records.DueOn);
    }

    [Fact]
    public void Expedited_records_are_due_twenty_four_hours_after_the_notice()
    {
        var records = Deadlines.Of(Requested(Priority.Expedited), NoonIn(2026, 1, 22)).Records;

        Assert.Equal(NoonIn(2026, 1, 23), records.DueAt);
        Assert.Equal(TimeSpan.FromHours(24), records.Remaining(NoonIn(2026, 1, 22)));
    }

    [Fact]
    public void Records_deadline_is_due_until_the_end_of_its_last_day_then_overdue()
    {
        var c = Requested(Priority.Standard);
        var lastMinute = new DateTimeOffset(2026, 2, 6, 23, 59, 0, TimeSpan.FromHours(-8));

        Assert.Equal(DeadlineState.Due, Deadlines.Of(c, new FakeClock(lastMinute)).Records.State);
        Assert.Equal(DeadlineState.Overdue, Deadlines.Of(c, new FakeClock(lastMinute.AddMinutes(1))).Records.State);
        Assert.True(Deadlines.Of(c, lastMinute.AddMinutes(61)).Records.Remaining(lastMinute.AddMinutes(61)) < TimeSpan.Zero);
    }

    [Fact]
    public void Records_received_by_the_last_day_meet_the_deadline_and_later_ones_meet_it_late()
    {
        var onTime = Requested(Priority.Standard).RecordRecordsReceived(new DateOnly(2026, 2, 6), NoonIn(2026, 2, 6));
        var late = Requested(Priority.Standard).RecordRecordsReceived(new DateOnly(2026, 2, 9), NoonIn(2026, 2, 9));

        Assert.Equal(DeadlineState.Met, Deadlines.Of(onTime, NoonIn(2026, 3, 1)).Records.State);
        Assert.Equal(DeadlineState.MetLate, Deadlines.Of(late, NoonIn(2026, 3, 1)).Records.State);
    }

    [Fact]
    public void Deadlines_have_not_started_before_the_notice_and_the_records()
    {
        var received = ImrCase.Open(CaseId.New(), CaseNumber.Parse("CM26-0000001"), Application(), NoonIn(2026, 1, 20));

        var deadlines = Deadlines.Of(received, NoonIn(2026, 6, 1));

        Assert.Equal(DeadlineState.NotStarted, deadlines.Records.State);
        Assert.Null(deadlines.Records.DueOn);
        Assert.Equal(DeadlineState.NotStarted, deadlines.Determination.State);
        Assert.Equal(DeadlineState.NotStarted, Deadlines.Of(Requested(Priority.Standard), NoonIn(2026, 6, 1)).Determination.State);
    }

    [Fact]
    public void A_standard_determination_is_due_thirty_days_after_the_application_and_records_are_both_in()
    {
        var c = Requested(Priority.Standard).RecordRecordsReceived(new DateOnly(2026, 1, 30), NoonIn(2026, 1, 30));

        var determination = Deadlines.Of(c, NoonIn(2026, 2, 1)).Determination;

        Assert.Equal(new DateOnly(2026, 1, 30), Deadlines.DeterminationClockStart(c));
        Assert.Equal(new DateOnly(2026, 3, 1), determination.DueOn);
        Assert.Equal(DeadlineState.Due, determination.State);
        Assert.Equal(DeadlineState.Overdue, Deadlines.Of(c, NoonIn(2026, 3, 2)).Determination.State);
    }

    [Fact]
    public void An_expedited_determination_is_due_three_days_after()
    {
        var c = Requested(Priority.Expedited).RecordRecordsReceived(new DateOnly(2026, 1, 23), NoonIn(2026, 1, 23));

        var determination = Deadlines.Of(c, NoonIn(2026, 1, 24)).Determination;

        Assert.Equal(new DateOnly(2026, 1, 26), determination.DueOn);
        Assert.Equal(DeadlineState.Due, determination.State);
        Assert.Equal(DeadlineState.Overdue, Deadlines.Of(c, NoonIn(2026, 1, 27)).Determination.State);
    }

    [Fact]
    public void Records_that_arrive_before_the_application_date_start_the_clock_at_the_application()
    {
        var c = Requested(Priority.Standard).RecordRecordsReceived(new DateOnly(2026, 1, 20), NoonIn(2026, 1, 22));

        Assert.Equal(new DateOnly(2026, 1, 20), Deadlines.DeterminationClockStart(c));
    }

    [Fact]
    public void An_issued_determination_meets_its_deadline_and_a_withdrawn_case_has_none()
    {
        var (approved, reviewer) = ApprovedCase();
        var issued = approved.Issue(LetterIssuer.Issue(approved, reviewer, NoonIn(2026, 2, 13), QaUser));
        var withdrawn = Requested(Priority.Standard).Withdraw("Treatment authorized.", Coordinator, NoonIn(2026, 1, 25));

        Assert.Equal(DeadlineState.Met, Deadlines.Of(issued, NoonIn(2026, 6, 1)).Determination.State);
        Assert.Equal(new DateOnly(2026, 2, 13), Deadlines.Of(issued, NoonIn(2026, 6, 1)).Determination.CompletedOn);
        Assert.Equal(DeadlineState.NotApplicable, Deadlines.Of(withdrawn, NoonIn(2026, 6, 1)).Records.State);
        Assert.Equal(DeadlineState.NotApplicable, Deadlines.Of(withdrawn, NoonIn(2026, 6, 1)).Determination.State);
    }
}
