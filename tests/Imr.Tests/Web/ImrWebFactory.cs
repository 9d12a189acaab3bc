using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Imr.Tests.Web;

/// <summary>
/// The web application over a temporary SQLite database of its own (one per test class), demo users
/// seeded, no corpus import (unless a test turns it on), and a sign-in rate limit high enough for a class
/// that signs in often. Settings go in as configuration, the way an operator would give them.
/// </summary>
public class ImrWebFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("imr-web-").FullName;

    public string DatabasePath => Path.Combine(_directory, "imr.db");

    /// <summary>Settings beyond the defaults; a subclass or a test sets them before the first client.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Imr:ImportCorpus"] = "false",
        ["Imr:SignInPermitLimit"] = "10000",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Imr:Database", DatabasePath);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>A client that keeps cookies and does not follow redirects (tests look at them).</summary>
    public ImrClient Client() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A client signed in as a demo user (through the API, with its antiforgery token).</summary>
    public async Task<ImrClient> SignedInAsync(string userName)
    {
        var client = Client();
        await client.SignInAsync(userName);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing || !Directory.Exists(_directory)) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown; the temporary folder is left behind.
        }
    }
}
