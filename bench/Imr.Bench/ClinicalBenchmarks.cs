using System.Diagnostics;
using System.Text.Json;
using Imr.Clinical;

namespace Imr.Bench;

/// <summary>Clinical fact extraction over every case summary of the corpus, on one thread.</summary>
internal static class ClinicalBenchmarks
{
    public static void Extraction(string sharedDirectory, int seconds)
    {
        var summaries = Directory.GetFiles(Path.Combine(sharedDirectory, "corpus", "expected"), "*.json")
            .Select(f =>
            {
                using var json = JsonDocument.Parse(File.ReadAllText(f));
                return json.RootElement.TryGetProperty("caseSummary", out var s) ? s.GetString() ?? "" : "";
            })
            .Where(s => s.Length > 0)
            .ToArray();
        var chars = summaries.Sum(s => (long)s.Length);
        var facts = summaries.Sum(s => ClinicalFacts.Extract(s).All().Count());

        // Warm-up long enough for tiered compilation to reach optimised code.
        Run(summaries, Math.Max(1, seconds / 2));
        var (n, wall, cpu) = Run(summaries, seconds);
        var perSecond = n / wall;
        var perCpuSecond = n / cpu;
        var twoKb = 2048.0 / (chars / (double)summaries.Length);

        Console.WriteLine("## Clinical facts (one thread)");
        Console.WriteLine();
        Console.WriteLine("| what | summaries/s | 2 KB summaries/s |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| ClinicalFacts.Extract, {summaries.Length} case summaries (avg {chars / summaries.Length:N0} chars, {facts / (double)summaries.Length:F1} facts), wall clock | {perSecond:N0} | {perSecond / twoKb:N0} |");
        Console.WriteLine($"| the same per second of this process's CPU time | {perCpuSecond:N0} | {perCpuSecond / twoKb:N0} |");
        Console.WriteLine();
        Console.WriteLine("Target: more than 2,000 summaries of about 2 KB a second on one core.");
        Console.WriteLine();
    }

    private static (long Count, double Wall, double Cpu) Run(string[] summaries, int seconds)
    {
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        long n = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            foreach (var s in summaries) ClinicalFacts.Extract(s);
            n += summaries.Length;
        }
        process.Refresh();
        return (n, watch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu0).TotalSeconds);
    }
}
