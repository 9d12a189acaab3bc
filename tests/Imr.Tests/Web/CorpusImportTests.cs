using System.Net;
using System.Text.Json;
using Imr.Web.Infrastructure;

namespace Imr.Tests.Web;

/// <summary>The application imports letters on first start, in the background; from a folder of two seeds here.</summary>
public sealed class CorpusImportingWebFactory : ImrWebFactory
{
    public string Letters { get; } = Directory.CreateTempSubdirectory("imr-web-letters-").FullName;

    public CorpusImportingWebFactory()
    {
        foreach (var seed in Directory.GetFiles(TestPaths.Seeds, "*.txt").Order().Take(2))
            File.Copy(seed, Path.Combine(Letters, Path.GetFileName(seed)));
        Settings["Imr:ImportCorpus"] = "true";
        Settings["Imr:CorpusPath"] = Letters;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // Called again by DisposeAsync: the folder may be gone already.
        if (disposing && Directory.Exists(Letters)) Directory.Delete(Letters, recursive: true);
    }
}

public sealed class CorpusImportTests(CorpusImportingWebFactory factory) : IClassFixture<CorpusImportingWebFactory>
{
    [Fact]
    public async Task On_first_start_the_letters_are_imported_in_the_background_and_become_searchable()
    {
        using var client = factory.Client();
        var status = await WaitForImportAsync(client);
        Assert.Equal("Completed", status.GetProperty("import").GetString());
        Assert.Equal(2, status.GetProperty("current").GetInt64());
        var report = await client.GetJsonAsync<JsonElement>("/api/archive/report");
        Assert.Equal(2, report.GetProperty("letters").GetInt64());
    }

    [Fact]
    public void The_shared_corpus_is_found_by_walking_up_from_the_content_root_and_an_empty_setting_turns_it_off()
    {
        var root = Directory.CreateTempSubdirectory("imr-web-root-").FullName;
        try
        {
            var letters = Directory.CreateDirectory(Path.Combine(root, "shared", "corpus", "letters")).FullName;
            var seeds = Directory.CreateDirectory(Path.Combine(root, "shared", "seeds")).FullName;
            var contentRoot = Directory.CreateDirectory(Path.Combine(root, "work", "repo", "src", "Imr.Web")).FullName;

            Assert.Equal([letters, seeds], CorpusImport.Locate(null, contentRoot));
            Assert.Equal([letters, seeds], CorpusImport.Locate(Path.Combine(root, "shared"), contentRoot));
            Assert.Equal([letters], CorpusImport.Locate(letters, contentRoot));
            Assert.Empty(CorpusImport.Locate("", contentRoot));
            Assert.Empty(CorpusImport.Locate(null, Directory.CreateTempSubdirectory("imr-web-nothing-").FullName));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    internal static async Task<JsonElement> WaitForImportAsync(ImrClient client, int seconds = 120)
    {
        for (var waited = 0; ; waited++)
        {
            var response = await client.GetAsync("/api/archive/status");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var state = status.GetProperty("import").GetString();
            if (state is "Completed" or "Skipped" or "Failed" || waited >= seconds * 4) return status;
            await Task.Delay(250);
        }
    }
}
