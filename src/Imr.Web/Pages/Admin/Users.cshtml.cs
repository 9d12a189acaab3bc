using Imr.Operations.Model;
using Imr.Operations.Storage;
using Imr.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Imr.Web.Pages.Admin;

/// <summary>Users and their roles: an administrator creates a user (a reviewer linked to a roster entry),
/// sets a password and activates or deactivates an account.</summary>
[Authorize(Policy = Policies.ManageUsers)]
public sealed class UsersModel(ICaseStore store, UserAdministration users) : StaffPageModel(store)
{
    [BindProperty]
    public NewUserForm Form { get; set; } = new();

    public IReadOnlyList<User> Users { get; private set; } = [];

    public IReadOnlyList<ExpertReviewer> Reviewers { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostCreateAsync() =>
        StepAsync(() => users.CreateAsync(Actor, new NewUserInput(Form.UserName ?? "", Form.DisplayName, Form.Role,
                Form.Role == Role.Reviewer ? Form.ExpertReviewerId : null, Form.Password ?? ""), Cancel),
            $"User {Form.UserName?.Trim()} created.", ShowAgainAsync);

    public Task<IActionResult> OnPostPasswordAsync(UserId id, string? password) =>
        StepAsync(() => users.SetPasswordAsync(Actor, id, password ?? "", Cancel), "Password set.", ShowAgainAsync);

    public Task<IActionResult> OnPostActiveAsync(UserId id, bool active) =>
        StepAsync(() => users.SetActiveAsync(Actor, id, active, Cancel), active ? "User activated." : "User deactivated.", ShowAgainAsync);

    private async Task<IActionResult> ShowAgainAsync()
    {
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Now = DateTimeOffset.UtcNow;
        Users = (await Store.ListUsersAsync(Actor, Cancel)).OrderBy(u => u.Role).ThenBy(u => u.UserName, StringComparer.OrdinalIgnoreCase).ToList();
        Reviewers = (await Store.ListReviewersAsync(Actor, Cancel)).OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public sealed class NewUserForm
    {
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public Role Role { get; set; } = Role.Intake;
        public ExpertReviewerId? ExpertReviewerId { get; set; }
        public string? Password { get; set; }
    }
}
