using Imr.Letters.Model;
using Imr.Operations.Model;
using Imr.Operations.Services;
using Imr.Operations.Storage;
using Imr.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Imr.Web.Pages.Cases;

/// <summary>Intake: registers an application for independent medical review.</summary>
[Authorize(Policy = Policies.CreateCase)]
public sealed class NewModel(ICaseStore store, TimeProvider clock) : StaffPageModel(store)
{
    public const int TreatmentRows = 6;

    [BindProperty]
    public IntakeForm Form { get; set; } = new();

    public void OnGet()
    {
        Form.ReceivedOn = Deadlines.Today(clock);
        Form.WithRows();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Form.WithRows();
        try
        {
            var created = await Store.CreateCaseAsync(Actor, Form.ToApplication(), Cancel);
            TempData["Message"] = $"Application registered as case {created.Number.Value}. Check its eligibility next.";
            return Redirect($"/cases/{created.Number.Value}");
        }
        catch (ValidationException e)
        {
            AddErrors(e);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    /// <summary>The form's fields, as the application's.</summary>
    public sealed class IntakeForm
    {
        public string EmployeeName { get; set; } = "";
        public string Employer { get; set; } = "";
        public string ClaimsAdministrator { get; set; } = "";
        public string RequestingPhysician { get; set; } = "";
        public DateOnly? DateOfInjury { get; set; }
        public DateOnly? UrDecisionDate { get; set; }
        public DateOnly ReceivedOn { get; set; }
        public Priority Priority { get; set; } = Priority.Standard;
        public bool LiabilityDisputed { get; set; }
        public bool TreatmentAlreadyAuthorized { get; set; }
        public List<TreatmentRow> Treatments { get; set; } = [];

        /// <summary>The fields of an application as registered, with at least <paramref name="rows"/> item rows.</summary>
        public static IntakeForm Of(CaseApplication application, int rows = TreatmentRows) => new IntakeForm
        {
            EmployeeName = application.EmployeeName,
            Employer = application.Employer,
            ClaimsAdministrator = application.ClaimsAdministrator,
            RequestingPhysician = application.RequestingPhysician,
            DateOfInjury = application.DateOfInjury,
            UrDecisionDate = application.UrDecisionDate,
            ReceivedOn = application.ReceivedOn,
            Priority = application.Priority,
            LiabilityDisputed = application.LiabilityDisputed,
            TreatmentAlreadyAuthorized = application.TreatmentAlreadyAuthorized,
            Treatments = application.Treatments.Select(t => new TreatmentRow { Treatment = t.Treatment, Guideline = t.ClaimsAdministratorGuideline }).ToList(),
        }.WithRows(rows);

        /// <summary>Adds empty item rows up to <paramref name="rows"/>.</summary>
        public IntakeForm WithRows(int rows = TreatmentRows)
        {
            while (Treatments.Count < rows) Treatments.Add(new TreatmentRow());
            return this;
        }

        public CaseApplication ToApplication()
        {
            if (DateOfInjury is not { } injured) throw new ValidationException(nameof(DateOfInjury), "The date of injury is required.");
            return new CaseApplication
            {
                EmployeeName = EmployeeName ?? "",
                Employer = Employer ?? "",
                ClaimsAdministrator = ClaimsAdministrator ?? "",
                RequestingPhysician = RequestingPhysician ?? "",
                DateOfInjury = injured,
                UrDecisionDate = UrDecisionDate,
                ReceivedOn = ReceivedOn,
                Priority = Priority,
                LiabilityDisputed = LiabilityDisputed,
                TreatmentAlreadyAuthorized = TreatmentAlreadyAuthorized,
                Treatments = Treatments
                    .Where(t => !string.IsNullOrWhiteSpace(t.Treatment))
                    .Select(t => new DisputedTreatment(t.Treatment!, string.IsNullOrWhiteSpace(t.Guideline) ? null : t.Guideline))
                    .ToList(),
            };
        }
    }

    public sealed class TreatmentRow
    {
        public string? Treatment { get; set; }
        public string? Guideline { get; set; }
    }
}
