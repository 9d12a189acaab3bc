using Imr.Operations.Model;
using Imr.Operations.Services;
using Imr.Operations.Storage;
using Imr.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Imr.Web.Pages.Cases;

/// <summary>Corrects a registered application before the records are requested (Received, Eligible or
/// Ineligible); the eligibility finding is cleared and the case is Received again, to be checked anew.</summary>
[Authorize(Policy = Policies.EditCase)]
public sealed class ApplicationModel(ICaseStore store) : StaffPageModel(store)
{
    [BindProperty(SupportsGet = true)]
    public string Number { get; set; } = "";

    [BindProperty]
    public NewModel.IntakeForm Form { get; set; } = new();

    [BindProperty]
    public long Version { get; set; }

    public ImrCase Case { get; private set; } = null!;

    public bool Correctable => Case.Status is CaseStatus.Received or CaseStatus.Eligible or CaseStatus.Ineligible;

    public async Task OnGetAsync()
    {
        Case = await Store.GetCaseAsync(Actor, Number, Cancel);
        Number = Case.Number.Value;
        Form = NewModel.IntakeForm.Of(Case.Application, Math.Max(NewModel.TreatmentRows, Case.Application.Treatments.Count + 2));
        Version = Case.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Case = await Store.GetCaseAsync(Actor, Number, Cancel);
        Number = Case.Number.Value;
        Form.WithRows();
        return await StepAsync(
            () => Store.ApplyAsync(Actor, Case.Id, new CorrectApplication(Form.ToApplication()), Version, Cancel),
            "Application corrected. Check its eligibility again.",
            () => Task.FromResult<IActionResult>(Page()),
            then: $"/cases/{Number}");
    }
}
