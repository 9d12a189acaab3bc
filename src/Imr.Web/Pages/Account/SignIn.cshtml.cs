using Imr.Operations.Model;
using Imr.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Imr.Web.Pages.Account;

/// <summary>The sign-in form. Posts are rate limited per client address; the store locks an account out
/// after repeated failures and audits every attempt.</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(SignInService signIn) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.SignInAsync(HttpContext, UserName, Password);
        switch (result.Outcome)
        {
            case SignInOutcome.Succeeded:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/dashboard");
            case SignInOutcome.LockedOut:
                ModelState.AddModelError("", $"Too many failed attempts: the account is locked for {SignInPolicy.LockoutDuration.TotalMinutes:0} minutes.");
                break;
            default:
                ModelState.AddModelError("", "Unknown user name or wrong password.");
                break;
        }
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Password = "";
        return Page();
    }
}
