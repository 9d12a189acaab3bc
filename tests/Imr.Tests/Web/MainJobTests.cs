using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Imr.Tests.Web;

/// <summary>The application as its own process, the way <c>dotnet run --project src/Imr.Web</c> starts it.</summary>
public sealed class MainJobTests
{
    [Fact]
    public async Task It_starts_on_the_default_database_in_the_working_directory_and_listens_where_urls_says()
    {
        var directory = Directory.CreateTempSubdirectory("imr-web-main-").FullName;
        var port = FreePort();
        var output = new StringBuilder();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Imr.Web.dll"), "--urls", $"http://127.0.0.1:{port}", "--Imr:CorpusPath=" })
            start.ArgumentList.Add(argument);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var healthy = false;
            for (var i = 0; i < 240 && !healthy && !process.HasExited; i++)
            {
                try
                {
                    healthy = (await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(250);
                }
            }
            Assert.True(healthy, "no answer from /healthz; the application wrote:\n" + output);
            Assert.True(File.Exists(Path.Combine(directory, "data", "imr.db")), "data/imr.db in the working directory");
            var dashboard = await http.GetAsync("/dashboard");
            Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
            Assert.StartsWith("/account/sign-in", dashboard.Headers.Location!.AbsolutePath);
            lock (output) Assert.Contains("Corpus import skipped", output.ToString());
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
