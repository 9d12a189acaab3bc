using Microsoft.AspNetCore.Antiforgery;

namespace Imr.Web.Infrastructure;

/// <summary>
/// Antiforgery for the API: the session is a cookie, so a POST, PUT, PATCH or DELETE from a signed-in
/// client must carry the antiforgery token in <see cref="HeaderName"/> (as a page's form carries it in
/// a hidden field); otherwise 400. Sign-in returns a token, and <c>GET /api/auth/antiforgery</c> another.
/// </summary>
public static class ApiAntiforgery
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public static TBuilder RequireAntiforgeryWhenSignedIn<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var method = http.Request.Method;
            var safe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
            if (!safe && http.User.Identity?.IsAuthenticated == true)
            {
                var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
                if (!await antiforgery.IsRequestValidAsync(http))
                {
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status400BadRequest,
                        title: "Missing or invalid antiforgery token.",
                        detail: $"Send the token from sign-in or GET /api/auth/antiforgery in the {HeaderName} header.");
                }
            }
            return await next(context);
        });
}
