using Imr.Operations.Model;
using Imr.Operations.Storage;
using Imr.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Imr.Web.Apis;

/// <summary>Users and their roles (administrators): passwords arrive in clear over the session and are
/// stored only as PasswordHasher hashes.</summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/users").WithTags("Users").RequireAuthorization(Policies.ManageUsers).ProducesOperationsProblems();
        api.MapGet("/", ListUsers).WithName("ListUsers")
            .WithSummary("Every user with their role, roster entry (reviewers), whether active and any lockout.");
        api.MapPost("/", CreateUser).WithName("CreateUser")
            .WithSummary($"Creates a user with a role; a reviewer is linked to a roster entry. The password needs at least {UserAdministration.MinimumPasswordLength} characters.");
        api.MapPut("/{id}/password", SetPassword).WithName("SetUserPassword")
            .WithSummary("Sets a user's password.");
        api.MapPut("/{id}/active", SetActive).WithName("SetUserActive")
            .WithSummary("Activates or deactivates a user (an inactive user cannot sign in; nobody deactivates themself).");
        return api;
    }

    public sealed record PasswordBody(string Password);

    public sealed record ActiveBody(bool Active);

    public static async Task<Ok<IReadOnlyList<User>>> ListUsers(ICaseStore store, HttpContext http) =>
        TypedResults.Ok(await store.ListUsersAsync(http.ImrUser(), http.RequestAborted));

    public static async Task<Created<User>> CreateUser(NewUserInput input, UserAdministration users, HttpContext http)
    {
        var created = await users.CreateAsync(http.ImrUser(), input, http.RequestAborted);
        return TypedResults.Created($"/api/users/{created.Id}", created);
    }

    public static async Task<Ok<User>> SetPassword(UserId id, PasswordBody body, UserAdministration users, HttpContext http) =>
        TypedResults.Ok(await users.SetPasswordAsync(http.ImrUser(), id, body.Password, http.RequestAborted));

    public static async Task<Ok<User>> SetActive(UserId id, ActiveBody body, UserAdministration users, HttpContext http) =>
        TypedResults.Ok(await users.SetActiveAsync(http.ImrUser(), id, body.Active, http.RequestAborted));
}
