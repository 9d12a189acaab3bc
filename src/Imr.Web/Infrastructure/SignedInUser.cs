using System.Security.Claims;
using Imr.Operations.Model;
using Imr.Operations.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Imr.Web.Infrastructure;

/// <summary>
/// The signed-in user: the cookie carries the user's id and role; every request resolves the user from
/// the store again (an inactive or removed user is signed out at once) and keeps it for the request,
/// where pages and API handlers pass it to the store as the acting user.
/// </summary>
public static class SignedInUser
{
    private static readonly object Key = new();

    /// <summary>The principal the sign-in cookie holds.</summary>
    public static ClaimsPrincipal Principal(User user) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
        new Claim(ClaimTypes.Name, user.UserName),
        new Claim(ClaimTypes.GivenName, user.DisplayName),
        new Claim(ClaimTypes.Role, user.Role.ToString()),
    ], CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>The acting user of an authenticated request.</summary>
    /// <exception cref="InvalidOperationException">The request is not authenticated (a route without an
    /// authorization policy asked for a user).</exception>
    public static User ImrUser(this HttpContext context) =>
        context.Items.TryGetValue(Key, out var user) && user is User u
            ? u
            : throw new InvalidOperationException("No signed-in user: the route needs an authorization policy.");

    /// <summary>The signed-in user, or null for a visitor.</summary>
    public static User? ImrUserOrNull(this HttpContext context) => context.Items.TryGetValue(Key, out var user) ? user as User : null;

    /// <summary>Cookie validation: the user must still exist, be active and have the role the cookie says.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var store = context.HttpContext.RequestServices.GetRequiredService<ICaseStore>();
        User? user = null;
        if (UserId.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), null, out var id))
            user = await store.FindUserAsync(id, context.HttpContext.RequestAborted);
        if (user is null || !user.Active || principal?.FindFirstValue(ClaimTypes.Role) != user.Role.ToString())
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        context.HttpContext.Items[Key] = user;
    }
}
