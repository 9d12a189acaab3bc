using Imr.Operations.Model;
using Imr.Operations.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Imr.Web.Infrastructure;

/// <summary>Signs people in and out, for the sign-in form and the API alike: the store counts failures and
/// locks an account out (<see cref="SignInPolicy"/>) and audits every attempt; the password is checked
/// with <see cref="Passwords"/>.</summary>
public sealed class SignInService(ICaseStore store, Passwords passwords, ILogger<SignInService> logger)
{
    public async Task<SignInResult> SignInAsync(HttpContext context, string userName, string password)
    {
        var rehash = false;
        var result = await store.SignInAsync(userName ?? "", user => passwords.Verify(user, password ?? "", out rehash), context.RequestAborted);
        if (result is not { Outcome: SignInOutcome.Succeeded, User: { } user }) return result;
        if (rehash)
        {
            user = await store.SetPasswordHashAsync(user, user.Id, passwords.Hash(password!), context.RequestAborted);
            logger.LogInformation("Renewed the password hash of {User}", user.UserName);
        }
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SignedInUser.Principal(user));
        return result with { User = user };
    }

    public async Task SignOutAsync(HttpContext context)
    {
        if (context.ImrUserOrNull() is { } user)
            await store.AppendAuditAsync(user, AuditAction.SignOut, null, "signed out", context.RequestAborted);
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
