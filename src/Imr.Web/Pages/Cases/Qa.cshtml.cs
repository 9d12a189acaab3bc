using Imr.Operations.Model;
using Imr.Operations.Services;
using Imr.Operations.Storage;
using Imr.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Imr.Web.Pages.Cases;

/// <summary>
/// Quality assurance: the quality check's findings (every item decided, a guideline cited, a rationale
/// present and concluding the way the decision goes, records on file, the deadline), the review itself,
/// approve or return with notes; then issue the final determination, which also publishes its redacted
/// copy to the archive.
/// </summary>
[Authorize(Policy = Policies.ReadCase)]
public sealed class QaModel(ICaseStore store, TimeProvider clock, DeterminationLetters letters) : StaffPageModel(store)
{
    [BindProperty(SupportsGet = true)]
    public string Number { get; set; } = "";

    public ImrCase Case { get; private set; } = null!;

    public QaReport Report { get; private set; } = null!;

    public CaseDeadlines Deadlines { get; private set; } = null!;

    public bool Approved => Case.Status == CaseStatus.QaReview && Case.Qa is { Outcome: QaOutcome.Approved };

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostApproveAsync(long version, string? notes) =>
        Step(new RecordQa(QaOutcome.Approved, notes ?? ""), version, "Approved: ready to issue.");

    public Task<IActionResult> OnPostReturnAsync(long version, string? notes) =>
        Step(new RecordQa(QaOutcome.Returned, notes ?? ""), version, "Returned to the reviewer.", then: $"/cases/{Number}");

    public async Task<IActionResult> OnPostIssueAsync(long version) =>
        await StepAsync(async () =>
        {
            var @case = await Store.GetCaseAsync(Actor, Number, Cancel);
            await letters.IssueAsync(Actor, @case, version, Cancel);
        }, "Final determination issued; its redacted copy is published.", ShowAgainAsync, then: $"/cases/{Number}/letter");

    private async Task<IActionResult> Step(CaseChange change, long version, string message, string? then = null) =>
        await StepAsync(async () =>
        {
            var @case = await Store.GetCaseAsync(Actor, Number, Cancel);
            await Store.ApplyAsync(Actor, @case.Id, change, version, Cancel);
        }, message, ShowAgainAsync, then);

    private async Task<IActionResult> ShowAgainAsync()
    {
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Case = await Store.GetCaseAsync(Actor, Number, Cancel);
        Number = Case.Number.Value;
        Report = QualityCheck.Run(Case, clock);
        Deadlines = Operations.Services.Deadlines.Of(Case, clock);
    }
}
