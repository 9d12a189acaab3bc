using System.Net;

namespace Imr.Tests.Web;

/// <summary>The application with a low sign-in rate limit (3 a minute per address).</summary>
public sealed class RateLimitedWebFactory : ImrWebFactory
{
    public RateLimitedWebFactory() => Settings["Imr:SignInPermitLimit"] = "3";
}

public sealed class SignInRateLimitTests(RateLimitedWebFactory factory) : IClassFixture<RateLimitedWebFactory>
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_answer_429_on_the_api_and_the_form()
    {
        using var client = factory.Client();
        var token = await client.FormTokenAsync("/account/sign-in");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync("/api/auth/sign-in", new { userName = "intake", password = "guess" + i })).StatusCode);

        var api = await client.PostJsonAsync("/api/auth/sign-in", new { userName = "intake", password = "guess" });
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.True(api.Headers.RetryAfter is not null, "Retry-After is set");
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);

        var form = await client.Http.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "intake",
            ["Password"] = "guess",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        var page = await form.Content.ReadAsStringAsync();
        Assert.Contains("Too many sign-in attempts", page);
        Assert.Equal("text/html", form.Content.Headers.ContentType?.MediaType); // the error page, within the site
        Assert.Contains("href=\"/account/sign-in\"", page);

        // Reading the form is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
    }
}
