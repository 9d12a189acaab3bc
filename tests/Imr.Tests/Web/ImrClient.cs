using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Imr.Operations.Demo;

namespace Imr.Tests.Web;

/// <summary>An HTTP client of the web application as a person or script uses it: signs in, keeps the
/// session cookie, sends the antiforgery token with API writes and fills forms with theirs.</summary>
public sealed partial class ImrClient(HttpClient http) : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public HttpClient Http { get; } = http;

    public async Task SignInAsync(string userName, string password = DemoData.Password)
    {
        var response = await Http.PostAsJsonAsync("/api/auth/sign-in", new { userName, password });
        Assert.True(response.IsSuccessStatusCode, $"sign-in of {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("antiforgery").GetProperty("token").GetString()!;
        Http.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        Http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token);
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    public async Task<T> GetJsonAsync<T>(string url)
    {
        var response = await Http.GetAsync(url);
        await ExpectAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public Task<HttpResponseMessage> PostJsonAsync(string url, object? body) => Http.PostAsJsonAsync(url, body, Json);

    public Task<HttpResponseMessage> PutJsonAsync(string url, object? body) => Http.PutAsJsonAsync(url, body, Json);

    /// <summary>Posts a page's form: reads the antiforgery token from <paramref name="page"/> first.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string page, string action, IDictionary<string, string> fields, bool withToken = true)
    {
        var form = new Dictionary<string, string>(fields);
        if (withToken) form["__RequestVerificationToken"] = await FormTokenAsync(page);
        return await Http.PostAsync(action, new FormUrlEncodedContent(form));
    }

    public async Task<string> FormTokenAsync(string page)
    {
        var html = await (await Http.GetAsync(page)).Content.ReadAsStringAsync();
        var match = TokenInput().Match(html);
        Assert.True(match.Success, $"no antiforgery token in a form of {page}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static MultipartFormDataContent File(string name, byte[] content, string contentType)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new MultipartFormDataContent { { file, "file", name } };
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
