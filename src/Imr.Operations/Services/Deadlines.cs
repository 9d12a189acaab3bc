using System.Text.Json.Serialization;
using Imr.Letters.Model;
using Imr.Operations.Model;

namespace Imr.Operations.Services;

[JsonConverter(typeof(JsonStringEnumConverter<DeadlineKind>))]
public enum DeadlineKind
{
    /// <summary>The claims administrator's medical records must reach the review organization.</summary>
    Records,

    /// <summary>The final determination must issue.</summary>
    Determination,
}

[JsonConverter(typeof(JsonStringEnumConverter<DeadlineState>))]
public enum DeadlineState
{
    /// <summary>The clock has not started (no notice sent yet; no records yet).</summary>
    NotStarted,

    /// <summary>Running, not yet passed.</summary>
    Due,

    /// <summary>Passed and not met.</summary>
    Overdue,

    Met,

    /// <summary>Met after it had passed.</summary>
    MetLate,

    /// <summary>The case closed without it (withdrawn or ineligible).</summary>
    NotApplicable,
}

/// <summary>One deadline of a case.</summary>
/// <param name="DueOn">The last day, a California calendar date; null when the clock has not started.</param>
/// <param name="DueAt">The moment it passes: the end of <paramref name="DueOn"/> in California, or for a
/// deadline in hours the exact moment.</param>
/// <param name="CompletedOn">When it was met (California date); null while open.</param>
/// <param name="Basis">The rule, in words, with its citation.</param>
public sealed record Deadline(DeadlineKind Kind, DateOnly? DueOn, DateTimeOffset? DueAt, DateOnly? CompletedOn, DeadlineState State, string Basis)
{
    /// <summary>Time left before it passes (negative once overdue); null when it does not run.</summary>
    public TimeSpan? Remaining(DateTimeOffset now) => State is DeadlineState.Due or DeadlineState.Overdue && DueAt is { } due ? due - now : null;
}

/// <summary>The two statutory deadlines of a case.</summary>
public sealed record CaseDeadlines(Deadline Records, Deadline Determination);

/// <summary>
/// The statutory deadlines of a case and where each stands against a clock. Calendar days, in
/// California time (dates of the application are California dates). Weekends and holidays are not
/// skipped: the IMR deadlines run in calendar days.
/// </summary>
public static class Deadlines
{
    /// <summary>Standard review: days after a mailed notice of assignment for the records (8 CCR 9792.10.5(a)(1)).</summary>
    public const int RecordsDaysByMail = 15;

    /// <summary>Standard review: days after a notice of assignment sent electronically (8 CCR 9792.10.5(a)(1)).</summary>
    public const int RecordsDaysElectronic = 12;

    /// <summary>Expedited review: hours after the notice (8 CCR 9792.10.5(a)(1)).</summary>
    public const int RecordsHoursExpedited = 24;

    /// <summary>Days for a standard determination after receipt of the application and supporting
    /// records (Labor Code 4610.6(d); 8 CCR 9792.10.6).</summary>
    public const int DeterminationDaysStandard = 30;

    /// <summary>Days for an expedited determination, when the employee faces an imminent and serious
    /// threat to health (Labor Code 4610.6(d); 8 CCR 9792.10.6).</summary>
    public const int DeterminationDaysExpedited = 3;

    /// <summary>America/Los_Angeles; a fixed UTC−8 zone where the machine has no time zone data.</summary>
    public static TimeZoneInfo California { get; } = FindCalifornia();

    /// <summary>Today's date in California by <paramref name="clock"/>.</summary>
    public static DateOnly Today(TimeProvider clock) => DateIn(clock.GetUtcNow());

    /// <summary>The California calendar date of a moment.</summary>
    public static DateOnly DateIn(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, California).DateTime);

    /// <summary>The first moment after <paramref name="date"/> in California: when a deadline on that day passes.</summary>
    public static DateTimeOffset EndOf(DateOnly date)
    {
        var next = date.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(next, California.GetUtcOffset(next)).ToUniversalTime();
    }

    /// <summary>
    /// When the claims administrator's records are due (8 CCR 9792.10.5(a)(1)): within 15 days following
    /// the mailing of the notice of assignment, 12 if it was sent electronically, and for expedited review
    /// within 24 hours following its receipt (taken as the moment it was sent: expedited notices go by the
    /// most efficient means). Labor Code 4610.5(l) says 10 days; the regulation adds the time for delivery.
    /// </summary>
    public static (DateOnly DueOn, DateTimeOffset DueAt) RecordsDue(RecordsRequest request, Priority priority)
    {
        if (priority == Priority.Expedited)
        {
            var at = request.SentAt.ToUniversalTime().AddHours(RecordsHoursExpedited);
            return (DateIn(at), at);
        }
        var days = request.Delivery == NoticeDelivery.Electronic ? RecordsDaysElectronic : RecordsDaysByMail;
        var due = DateIn(request.SentAt).AddDays(days);
        return (due, EndOf(due));
    }

    /// <summary>The day the determination clock starts: the later of the application's receipt and the
    /// first receipt of records (no determination may rest on the UR decision alone); null while no
    /// records have arrived.</summary>
    public static DateOnly? DeterminationClockStart(ImrCase @case) =>
        @case.RecordsReceived.Count == 0
            ? null
            : @case.RecordsReceived[0] > @case.Application.ReceivedOn ? @case.RecordsReceived[0] : @case.Application.ReceivedOn;

    /// <summary>The last day for the determination: 30 days after the clock starts, or 3 for expedited review.</summary>
    public static DateOnly DeterminationDue(DateOnly clockStart, Priority priority) =>
        clockStart.AddDays(priority == Priority.Expedited ? DeterminationDaysExpedited : DeterminationDaysStandard);

    /// <summary>Both deadlines of a case, as they stand at <paramref name="clock"/>'s now.</summary>
    public static CaseDeadlines Of(ImrCase @case, TimeProvider clock) => Of(@case, clock.GetUtcNow());

    /// <summary>Both deadlines of a case, as they stand at <paramref name="now"/>.</summary>
    public static CaseDeadlines Of(ImrCase @case, DateTimeOffset now)
    {
        var priority = @case.Application.Priority;
        var stopped = @case.Status is CaseStatus.Withdrawn or CaseStatus.Ineligible;

        Deadline records;
        var recordsBasis = priority == Priority.Expedited
            ? "Records within 24 hours of the notice of assignment (expedited; 8 CCR 9792.10.5(a)(1))."
            : @case.RecordsRequest?.Delivery == NoticeDelivery.Electronic
                ? "Records within 12 days of the notice of assignment sent electronically (8 CCR 9792.10.5(a)(1))."
                : "Records within 15 days of the mailing of the notice of assignment (8 CCR 9792.10.5(a)(1)).";
        if (@case.RecordsRequest is not { } request)
        {
            records = new Deadline(DeadlineKind.Records, null, null, null, stopped ? DeadlineState.NotApplicable : DeadlineState.NotStarted, recordsBasis);
        }
        else
        {
            var (dueOn, dueAt) = RecordsDue(request, priority);
            // Records that came before the notice count as on time.
            DateOnly? completed = @case.RecordsReceived.Count > 0 ? @case.RecordsReceived[0] : null;
            records = new Deadline(DeadlineKind.Records, dueOn, dueAt, completed, State(dueOn, dueAt, completed, stopped, now), recordsBasis);
        }

        var determinationBasis = priority == Priority.Expedited
            ? "Determination within 3 days of receipt of the application and supporting records (expedited; Labor Code 4610.6(d))."
            : "Determination within 30 days of receipt of the application and supporting records (Labor Code 4610.6(d)).";
        Deadline determination;
        if (DeterminationClockStart(@case) is not { } start)
        {
            determination = new Deadline(DeadlineKind.Determination, null, null, null, stopped ? DeadlineState.NotApplicable : DeadlineState.NotStarted, determinationBasis);
        }
        else
        {
            var dueOn = DeterminationDue(start, priority);
            DateOnly? issued = @case.Issued is { } i ? DateIn(i.IssuedAt) : null;
            determination = new Deadline(DeadlineKind.Determination, dueOn, EndOf(dueOn), issued, State(dueOn, EndOf(dueOn), issued, stopped, now), determinationBasis);
        }
        return new CaseDeadlines(records, determination);
    }

    private static DeadlineState State(DateOnly dueOn, DateTimeOffset dueAt, DateOnly? completedOn, bool stopped, DateTimeOffset now) =>
        completedOn is { } done ? (done <= dueOn ? DeadlineState.Met : DeadlineState.MetLate)
        : stopped ? DeadlineState.NotApplicable
        : now >= dueAt ? DeadlineState.Overdue
        : DeadlineState.Due;

    private static TimeZoneInfo FindCalifornia()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("California (UTC-8, no daylight time data)", TimeSpan.FromHours(-8), "California", "California");
        }
    }
}
