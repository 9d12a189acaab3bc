using Imr.Letters.Writing;
using Imr.Operations.Model;
using Imr.Operations.Storage;
using Imr.Web.Infrastructure;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace Imr.Web.Pages.Cases;

/// <summary>The issued final determination letter (with the parties' names: for staff), and the same as
/// text and PDF, written by the Letters writers from the determination stored with the case.</summary>
public sealed class LetterModel(ICaseStore store, DeterminationLetters letters) : StaffPageModel(store)
{
    [BindProperty(SupportsGet = true)]
    public string Number { get; set; } = "";

    public ImrCase Case { get; private set; } = null!;

    public IssuedDetermination Issued { get; private set; } = null!;

    public IHtmlContent Letter { get; private set; } = HtmlString.Empty;

    public async Task OnGetAsync()
    {
        await LoadAsync();
        await Store.AppendAuditAsync(Actor, AuditAction.Read, Case.Id, $"case {Case.Number}: final determination letter viewed", Cancel);
        Letter = new HtmlString(LetterHtmlWriter.WriteFragment(Issued.Determination));
    }

    public async Task<IActionResult> OnGetTextAsync()
    {
        await LoadAsync();
        return File(await letters.TextAsync(Actor, Case, Cancel), "text/plain; charset=utf-8", DeterminationLetters.FileName(Case, "txt"));
    }

    public async Task<IActionResult> OnGetPdfAsync()
    {
        await LoadAsync();
        return File(await letters.PdfAsync(Actor, Case, Cancel), "application/pdf", DeterminationLetters.FileName(Case, "pdf"));
    }

    private async Task LoadAsync()
    {
        Case = await Store.GetCaseAsync(Actor, Number, Cancel);
        Issued = Case.Issued ?? throw new NotFoundException($"Case {Case.Number} has no issued determination yet.");
    }
}
