using Imr.Operations.Model;
using Imr.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Imr.Web.Apis;

/// <summary>Sign-in for API clients: the session cookie, and the antiforgery token its writes need.</summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/auth").WithTags("Sign-in");

        api.MapPost("/sign-in", SignIn)
            .WithName("SignIn")
            .WithSummary("Signs in: sets the session cookie and returns the user with an antiforgery token for later writes.")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.SignIn)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/sign-out", SignOut)
            .WithName("SignOut")
            .WithSummary("Signs out (ends the session cookie).")
            .RequireAuthorization(Policies.Staff);
        api.MapGet("/me", Me)
            .WithName("GetSignedInUser")
            .WithSummary("The signed-in user.")
            .RequireAuthorization(Policies.Staff);
        api.MapGet("/antiforgery", Antiforgery)
            .WithName("GetAntiforgeryToken")
            .WithSummary("A new antiforgery token for the signed-in session, to send in the X-CSRF-TOKEN header.")
            .RequireAuthorization(Policies.Staff);
        return api;
    }

    public sealed record SignInRequest(string UserName, string Password);

    public sealed record AntiforgeryToken(string HeaderName, string Token);

    public sealed record SignedIn(UserId Id, string UserName, string DisplayName, Role Role, ExpertReviewerId? ExpertReviewerId, AntiforgeryToken? Antiforgery)
    {
        public static SignedIn From(User user, AntiforgeryToken? token = null) =>
            new(user.Id, user.UserName, user.DisplayName, user.Role, user.ExpertReviewerId, token);
    }

    public static async Task<Results<Ok<SignedIn>, ProblemHttpResult>> SignIn(SignInRequest request, SignInService signIn, IAntiforgery antiforgery, HttpContext context)
    {
        var result = await signIn.SignInAsync(context, request.UserName, request.Password);
        if (result is not { Outcome: SignInOutcome.Succeeded, User: { } user })
        {
            return result.Outcome == SignInOutcome.LockedOut
                ? TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Locked out.",
                    detail: $"Too many failed sign-ins: try again in {SignInPolicy.LockoutDuration.TotalMinutes:0} minutes.")
                : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.", detail: "Unknown user, inactive user or wrong password.");
        }
        // The token is bound to the user: issue it for the principal just signed in.
        context.User = SignedInUser.Principal(user);
        return TypedResults.Ok(SignedIn.From(user, Token(antiforgery, context)));
    }

    public static async Task<NoContent> SignOut(SignInService signIn, HttpContext context)
    {
        await signIn.SignOutAsync(context);
        return TypedResults.NoContent();
    }

    public static Ok<SignedIn> Me(HttpContext context) => TypedResults.Ok(SignedIn.From(context.ImrUser()));

    public static Ok<AntiforgeryToken> Antiforgery(IAntiforgery antiforgery, HttpContext context) => TypedResults.Ok(Token(antiforgery, context));

    private static AntiforgeryToken Token(IAntiforgery antiforgery, HttpContext context) =>
        new(ApiAntiforgery.HeaderName, antiforgery.GetAndStoreTokens(context).RequestToken!);
}
