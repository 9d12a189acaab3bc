using Imr.Operations.Model;
using Imr.Operations.Services;
using Imr.Operations.Storage;

namespace Imr.Web.Pages;

/// <summary>The cases due and overdue: every open case the user may see (a reviewer, their own), the most
/// urgent first, and the user's own queue by role.</summary>
public sealed class DashboardModel(ICaseStore store, TimeProvider clock) : StaffPageModel(store)
{
    /// <summary>A deadline within this many days is "due soon".</summary>
    public const int SoonDays = 7;

    public sealed record Row(ImrCase Case, CaseDeadlines Deadlines, Deadline? Next, bool Overdue, bool Soon, bool Mine);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public string QueueName { get; private set; } = "";

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow();
        var queue = Queue(Actor.Role);
        QueueName = Actor.Role switch
        {
            Role.Intake => "Applications to check",
            Role.Coordinator => "Eligibility, records and assignment",
            Role.Reviewer => "Assigned to you",
            Role.Qa => "Awaiting quality assurance or issue",
            _ => "All open cases",
        };
        var open = Enum.GetValues<CaseStatus>().Where(s => !s.IsClosed()).ToList();
        var cases = await Store.ListCasesAsync(Actor, new CaseQuery { Statuses = open, Limit = 500 }, Cancel);
        Rows = cases
            .Select(c =>
            {
                var deadlines = Deadlines.Of(c, Now);
                var running = new[] { deadlines.Records, deadlines.Determination }
                    .Where(d => d.State is DeadlineState.Due or DeadlineState.Overdue)
                    .OrderBy(d => d.DueAt)
                    .FirstOrDefault();
                var overdue = running?.State == DeadlineState.Overdue;
                var soon = !overdue && running?.Remaining(Now) is { } left && left <= TimeSpan.FromDays(SoonDays);
                return new Row(c, deadlines, running, overdue, soon, queue.Contains(c.Status));
            })
            .OrderByDescending(r => r.Overdue)
            .ThenBy(r => r.Next?.DueAt ?? DateTimeOffset.MaxValue)
            .ThenBy(r => r.Case.Application.ReceivedOn)
            .ToList();
    }

    private static CaseStatus[] Queue(Role role) => role switch
    {
        Role.Intake => [CaseStatus.Received],
        Role.Coordinator => [CaseStatus.Received, CaseStatus.Eligible, CaseStatus.RecordsRequested, CaseStatus.Assigned],
        Role.Reviewer => [CaseStatus.Assigned, CaseStatus.InReview],
        Role.Qa => [CaseStatus.QaReview],
        _ => Enum.GetValues<CaseStatus>().Where(s => !s.IsClosed()).ToArray(),
    };
}
