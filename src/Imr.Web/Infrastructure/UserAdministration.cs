using Imr.Operations.Model;
using Imr.Operations.Storage;

namespace Imr.Web.Infrastructure;

/// <summary>A user to create, as an administrator gives it: the password in clear, hashed here.</summary>
public sealed record NewUserInput(string UserName, string? DisplayName, Role Role, ExpertReviewerId? ExpertReviewerId, string Password);

/// <summary>
/// Users for administrators, the users page and the API alike: passwords checked for length and hashed
/// with <see cref="Passwords"/> (ASP.NET Core Identity's PasswordHasher) before the store sees them; the
/// store checks the permission and audits each change.
/// </summary>
public sealed class UserAdministration(ICaseStore store, Passwords passwords)
{
    public const int MinimumPasswordLength = 10;

    public Task<User> CreateAsync(User actor, NewUserInput input, CancellationToken cancellationToken)
    {
        CheckPassword(nameof(NewUserInput.Password), input.Password);
        return store.CreateUserAsync(actor, new NewUser(input.UserName ?? "", input.DisplayName ?? "", input.Role, input.ExpertReviewerId, passwords.Hash(input.Password)), cancellationToken);
    }

    public Task<User> SetPasswordAsync(User actor, UserId id, string password, CancellationToken cancellationToken)
    {
        CheckPassword("Password", password);
        return store.SetPasswordHashAsync(actor, id, passwords.Hash(password), cancellationToken);
    }

    public Task<User> SetActiveAsync(User actor, UserId id, bool active, CancellationToken cancellationToken)
    {
        // An administrator who deactivates themself may leave nobody able to manage users.
        if (!active && actor.Id == id) throw new ValidationException("Active", "you cannot deactivate yourself; another administrator can.");
        return store.SetUserActiveAsync(actor, id, active, cancellationToken);
    }

    private static void CheckPassword(string field, string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumPasswordLength)
            throw new ValidationException(field, $"must have at least {MinimumPasswordLength} characters.");
    }
}
