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
/// The engine drafts from the summary as saved; "Draft from this summary" drafts from the summary in the
/// form without saving, and "Use this draft" copies an item's draft citation and rationale into the
/// item's fields (the form posts back unsaved, so nothing typed is lost and nothing needs a script).
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

    /// <summary>Whether the draft was made from the summary in the form rather than the one saved.</summary>
    public bool DraftedFromForm { get; private set; }

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

    /// <summary>Drafts again from the summary in the form; saves nothing.</summary>
    public async Task<IActionResult> OnPostRedraftAsync()
    {
        await LoadAsync(Form.CaseSummary);
        return Page();
    }

    /// <summary>Copies item <paramref name="item"/>'s (from 1) draft citation and rationale into its fields,
    /// drafting from the summary in the form; saves nothing.</summary>
    public async Task<IActionResult> OnPostUseDraftAsync(int item)
    {
        await LoadAsync(Form.CaseSummary);
        var draft = Draft.Items.FirstOrDefault(d => d.Item == item);
        if (!Editable || draft is null || item > Form.Items.Count)
        {
            ModelState.AddModelError("", $"There is no draft of item {item} to use.");
            return Page();
        }
        var fields = Form.Items[item - 1];
        fields.Guideline = draft.CitedGuideline;
        fields.Rationale = draft.Rationale;
        // The fields render what was posted unless their posted values are forgotten.
        ModelState.Remove($"Form.Items[{item - 1}].Guideline");
        ModelState.Remove($"Form.Items[{item - 1}].Rationale");
        CopiedItem = item;
        return Page();
    }

    /// <summary>The item whose draft was just copied into the form (0: none).</summary>
    public int CopiedItem { get; private set; }

    private async Task<IActionResult> SaveAsync(bool submit)
    {
        return await StepAsync(async () =>
        {
            var @case = await Store.GetCaseAsync(Actor, Number, Cancel);
            var saved = await Store.ApplyAsync(Actor, @case.Id, new SaveReview(Form.ToWork()), Version, Cancel);
            if (submit) await Store.ApplyAsync(Actor, saved.Id, new SubmitForQa(), saved.Version, Cancel);
        }, submit ? "Review submitted to quality assurance." : "Review saved.", async () =>
        {
            await LoadAsync(Form.CaseSummary);
            return Page();
        }, then: submit ? $"/cases/{Number}" : null);
    }

    /// <param name="summaryInForm">The summary as posted, to draft from instead of the saved one.</param>
    private async Task LoadAsync(string? summaryInForm = null)
    {
        Case = await Store.GetCaseAsync(Actor, Number, Cancel);
        Number = Case.Number.Value;
        Deadlines = Operations.Services.Deadlines.Of(Case, clock);
        Documents = await Store.ListDocumentsAsync(Actor, Case.Id, Cancel);
        var saved = Case.Review?.CaseSummary ?? "";
        var summary = summaryInForm ?? saved;
        DraftedFromForm = summaryInForm is not null && Words(summaryInForm) != Words(saved);
        Draft = await drafter.DraftAsync(summary, Case.Application, Cancel);
        var similarHits = new List<IReadOnlyList<SearchHit>>();
        foreach (var treatment in Case.Application.Treatments) similarHits.Add(await similar.ForAsync(treatment, 5, Cancel));
        Similar = similarHits;
        // A posted form may hold fewer items than the application (disabled or missing fields).
        while (Form.Items.Count < Case.Application.Treatments.Count) Form.Items.Add(new ItemForm());
    }

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

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
