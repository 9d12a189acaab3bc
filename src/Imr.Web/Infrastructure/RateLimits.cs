using System.Globalization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc;

namespace Imr.Web.Infrastructure;

/// <summary>The rate limits: sign-in attempts (the form and the API) per client address.</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";

    internal static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retry = context.Lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        const string detail = "Too many sign-in attempts from this address. Wait a minute and try again.";
        if (http.Request.IsApi())
        {
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests.", Detail = detail },
            });
            return;
        }
        // A page: no body, so that the error page says it within the site (status code pages).
    }
}
