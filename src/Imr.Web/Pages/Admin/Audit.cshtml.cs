using Imr.Operations.Model;
using Imr.Operations.Storage;
using Imr.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Imr.Web.Pages.Admin;

/// <summary>The append-only audit log, newest first, filtered by case, user and action.</summary>
[Authorize(Policy = Policies.ReadAudit)]
public sealed class AuditModel(ICaseStore store) : StaffPageModel(store)
{
    [BindProperty(SupportsGet = true)]
    public string? CaseNumber { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true)]
    public AuditAction? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Limit { get; set; } = 200;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public IReadOnlyDictionary<UserId, string> Names { get; private set; } = new Dictionary<UserId, string>();

    public async Task OnGetAsync()
    {
        CaseId? caseId = null;
        if (!string.IsNullOrWhiteSpace(CaseNumber))
        {
            if (Letters.Model.CaseNumber.TryParse(CaseNumber, out var number)) caseId = (await Store.GetCaseAsync(Actor, number.Value, Cancel)).Id;
            else ModelState.AddModelError(nameof(CaseNumber), $"'{CaseNumber}' is not a case number (CMyy-nnnnnnn).");
        }
        UserId? userId = null;
        if (!string.IsNullOrWhiteSpace(UserName))
        {
            userId = (await Store.FindUserAsync(UserName, Cancel))?.Id;
            if (userId is null) ModelState.AddModelError(nameof(UserName), $"No user '{UserName}'.");
        }
        if (!ModelState.IsValid) return;
        Entries = await Store.ReadAuditAsync(Actor, new AuditQuery { CaseId = caseId, UserId = userId, Action = Action, Limit = Math.Clamp(Limit, 1, 1000) }, Cancel);
        Names = (await Store.ListUsersAsync(Actor, Cancel)).ToDictionary(u => u.Id, u => u.DisplayName);
    }
}
