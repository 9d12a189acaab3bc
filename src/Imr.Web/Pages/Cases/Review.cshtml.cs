using Imr.Archive.Search;
using Imr.Letters.Model;
using Imr.Operations.Model;
using Imr.Operations.Services;
using Imr.Operations.Storage;
using Imr.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Imr.Web.Pages.Cases;

/// <summary>
/// The reviewer's workspace: the clinical case summary and each item's decision, guideline and
/// rationale, with the engine's draft beside the form and the most similar past determinations from the
/// archive. Only the reviewer the case is assigned to gets here (the store refuses anyone else).
/// </summary>
[Authorize(Policy = Policies.ReviewCase)]
public sealed class ReviewModel(ICaseStore store, TimeProvider clock, IDeterminationDrafter drafter, SimilarDeterminations similar) : StaffPageModel(store)
{
    [BindProperty(SupportsGet = true)]
    public string Number { get; set; } = "";

    [BindProperty]
    public ReviewForm Form { get; set; } = new();

    [BindProperty]
    public long Version { get; set; }

    public ImrCase Case { get; private set; } = null!;

    public CaseDeadlines Deadlines { get; private set; } = null!;

    public IReadOnlyList<CaseDocumentInfo> Documents { get; private set; } = [];

    public DeterminationDraft Draft { get; private set; } = DeterminationDraft.None("");

    public IReadOnlyList<IReadOnlyList<SearchHit>> Similar { get; private set; } = [];

    public bool Editable => Case.Status is CaseStatus.Assigned or CaseStatus.InReview;

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Form = ReviewForm.Of(Case);
        Version = Case.Version;
    }

    public Task<IActionResult> OnPostSaveAsync() => SaveAsync(submit: false);

    public Task<IActionResult> OnPostSubmitAsync() => SaveAsync(submit: true);

    private async Task<IActionResult> SaveAsync(bool submit)
    {
        return await StepAsync(async () =>
        {
            var @case = await Store.GetCaseAsync(Actor, Number, Cancel);
            var saved = await Store.ApplyAsync(Actor, @case.Id, new SaveReview(Form.ToWork()), Version, Cancel);
            if (submit) await Store.ApplyAsync(Actor, saved.Id, new SubmitForQa(), saved.Version, Cancel);
        }, submit ? "Review submitted to quality assurance." : "Review saved.", async () =>
        {
            await LoadAsync();
            return Page();
        }, then: submit ? $"/cases/{Number}" : null);
    }

    private async Task LoadAsync()
    {
        Case = await Store.GetCaseAsync(Actor, Number, Cancel);
        Number = Case.Number.Value;
        Deadlines = Operations.Services.Deadlines.Of(Case, clock);
        Documents = await Store.ListDocumentsAsync(Actor, Case.Id, Cancel);
        Draft = await drafter.DraftAsync(Case.Review?.CaseSummary ?? "", Case.Application.Treatments, Cancel);
        var similarHits = new List<IReadOnlyList<SearchHit>>();
        foreach (var treatment in Case.Application.Treatments) similarHits.Add(await similar.ForAsync(treatment, 5, Cancel));
        Similar = similarHits;
    }

    public sealed class ReviewForm
    {
        public string CaseSummary { get; set; } = "";
        public List<ItemForm> Items { get; set; } = [];

        public static ReviewForm Of(ImrCase @case) => new()
        {
            CaseSummary = @case.Review?.CaseSummary ?? "",
            Items = @case.Application.Treatments.Select((_, i) => @case.Review is { } r && i < r.Items.Count
                ? new ItemForm { Decision = r.Items[i].Decision, Guideline = r.Items[i].ReviewerGuideline, Rationale = r.Items[i].Rationale }
                : new ItemForm()).ToList(),
        };

        public ReviewerWork ToWork() => new(CaseSummary ?? "", Items.Select(i => new ItemReview(i.Decision, i.Guideline ?? "", i.Rationale ?? "")).ToList());
    }

    public sealed class ItemForm
    {
        public Decision? Decision { get; set; }
        public string? Guideline { get; set; }
        public string? Rationale { get; set; }
    }
}
