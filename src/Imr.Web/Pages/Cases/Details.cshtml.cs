using Imr.Operations.Model;
using Imr.Operations.Services;
using Imr.Operations.Storage;
using Imr.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Imr.Web.Pages.Cases;

/// <summary>
/// A case: status, application, eligibility with its reasons, deadlines, documents, the ranked reviewer
/// matches (with the excluded and why) and the steps the user's role may take now. Every read and step
/// goes through the store as the signed-in user (403 for a reviewer's case not assigned to them).
/// </summary>
public sealed class DetailsModel(ICaseStore store, TimeProvider clock, DeterminationLetters letters) : StaffPageModel(store)
{
    [BindProperty(SupportsGet = true)]
    public string Number { get; set; } = "";

    public ImrCase Case { get; private set; } = null!;

    public CaseDeadlines Deadlines { get; private set; } = null!;

    public IReadOnlyList<CaseDocumentInfo> Documents { get; private set; } = [];

    public IReadOnlyList<ReviewerMatch> Matches { get; private set; } = [];

    public ExpertReviewer? AssignedReviewer { get; private set; }

    public bool Published { get; private set; }

    public DateOnly Today { get; private set; }

    public bool CanAssignNow => Can(Permission.AssignReviewer) && Case.Status is CaseStatus.RecordsRequested or CaseStatus.Assigned;

    public bool CanEdit => Can(Permission.EditCase) && !Case.Status.IsClosed();

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostCheckEligibilityAsync(long version) =>
        Step(new CheckEligibility(), version, "Eligibility decided.");

    public Task<IActionResult> OnPostRequestRecordsAsync(long version, NoticeDelivery delivery) =>
        Step(new RequestRecords(delivery), version, "Notice of assignment sent; the claims administrator's records are now due.");

    public Task<IActionResult> OnPostRecordsReceivedAsync(long version, DateOnly? receivedOn) =>
        Step(new RecordRecordsReceived(receivedOn ?? Operations.Services.Deadlines.Today(clock)), version, "Records received; the determination clock runs.");

    public Task<IActionResult> OnPostAssignAsync(long version, ExpertReviewerId reviewer) =>
        Step(new AssignReviewer(reviewer), version, "Reviewer assigned.");

    public Task<IActionResult> OnPostWithdrawAsync(long version, string? reason) =>
        Step(new Withdraw(reason ?? ""), version, "Case withdrawn.");

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file) =>
        await StepAsync(async () =>
        {
            var @case = await Store.GetCaseAsync(Actor, Number, Cancel);
            await Store.AddDocumentAsync(Actor, @case.Id, await DocumentUploads.ReadAsync(file, Cancel), Cancel);
        }, $"Document {Path.GetFileName(file?.FileName)} added.", ShowAgainAsync);

    public async Task<IActionResult> OnPostPublishAsync() =>
        await StepAsync(async () => await letters.PublishAsync(Actor, await Store.GetCaseAsync(Actor, Number, Cancel), Cancel),
            "The redacted determination is published in the archive.", ShowAgainAsync);

    private async Task<IActionResult> Step(CaseChange change, long version, string message) =>
        await StepAsync(async () =>
        {
            var @case = await Store.GetCaseAsync(Actor, Number, Cancel);
            await Store.ApplyAsync(Actor, @case.Id, change, version, Cancel);
        }, message, ShowAgainAsync);

    private async Task<IActionResult> ShowAgainAsync()
    {
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Case = await Store.GetCaseAsync(Actor, Number, Cancel);
        Number = Case.Number.Value;
        Today = Operations.Services.Deadlines.Today(clock);
        Deadlines = Operations.Services.Deadlines.Of(Case, clock);
        Documents = await Store.ListDocumentsAsync(Actor, Case.Id, Cancel);
        if (CanAssignNow) Matches = await Store.RankReviewersAsync(Actor, Case.Id, Cancel);
        if (Case.AssignedReviewer is { } assigned && (Can(Permission.ReadRoster) || Actor.ExpertReviewerId == assigned))
            AssignedReviewer = await Store.GetReviewerAsync(Actor, assigned, Cancel);
        if (Case.Issued is not null) Published = await letters.IsPublishedAsync(Case, Cancel);
    }
}
