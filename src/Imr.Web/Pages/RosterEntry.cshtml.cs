using Imr.Operations.Model;
using Imr.Operations.Storage;
using Imr.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Imr.Web.Pages;

/// <summary>Adds a reviewer to the roster (no id) or edits one's credentials: board certifications,
/// subspecialties, licensure states, years in practice, weekly practice hours, affiliations, active.</summary>
[Authorize(Policy = Policies.ManageRoster)]
public sealed class RosterEntryModel(ICaseStore store) : StaffPageModel(store)
{
    [BindProperty(SupportsGet = true)]
    public ExpertReviewerId? Id { get; set; }

    [BindProperty]
    public EntryForm Form { get; set; } = new();

    public bool IsNew => Id is null;

    public async Task<IActionResult> OnGetAsync()
    {
        if (MalformedId) return NotFound();
        if (Id is { } id) Form = EntryForm.Of(await Store.GetReviewerAsync(Actor, id, Cancel));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (MalformedId) return NotFound();
        var affiliations = RosterText.Affiliations(Form.Affiliations, out var errors);
        foreach (var error in errors) ModelState.AddModelError("Form.Affiliations", error);
        if (!ModelState.IsValid) return ShowAgain();
        var id = Id ?? ExpertReviewerId.New();
        // An edit of an entry that does not exist is not found, not a new entry under the posted id.
        if (Id is not null) await Store.GetReviewerAsync(Actor, id, Cancel);
        var input = new RosterInput(Form.Name ?? "", RosterText.List(Form.BoardCertifications), RosterText.List(Form.Subspecialties),
            RosterText.List(Form.LicensureStates), Form.YearsInActivePractice, Form.WeeklyPracticeHours, affiliations, Form.Active);
        return await StepAsync(() => Store.SaveReviewerAsync(Actor, input.ToReviewer(id), Cancel),
            $"{input.Name.Trim()} {(IsNew ? "added to" : "updated on")} the roster.", () => Task.FromResult(ShowAgain()), then: "/roster");
    }

    // The route named an id that is not one: not found, rather than the form for a new entry.
    private bool MalformedId => Id is null && RouteData.Values.TryGetValue("id", out var value) && value is not null;

    private IActionResult ShowAgain()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public sealed class EntryForm
    {
        public string? Name { get; set; }
        public string? BoardCertifications { get; set; }
        public string? Subspecialties { get; set; }
        public string? LicensureStates { get; set; }
        public int YearsInActivePractice { get; set; }
        public int WeeklyPracticeHours { get; set; }
        public string? Affiliations { get; set; }
        public bool Active { get; set; } = true;

        public static EntryForm Of(ExpertReviewer r) => new()
        {
            Name = r.Name,
            BoardCertifications = RosterText.Lines(r.BoardCertifications),
            Subspecialties = RosterText.Lines(r.Subspecialties),
            LicensureStates = string.Join(", ", r.LicensureStates),
            YearsInActivePractice = r.YearsInActivePractice,
            WeeklyPracticeHours = r.WeeklyPracticeHours,
            Affiliations = RosterText.Affiliations(r.Affiliations),
            Active = r.Active,
        };
    }
}
