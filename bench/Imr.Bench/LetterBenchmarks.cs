using System.Diagnostics;
using System.Globalization;
using Imr.Letters.Reading;

namespace Imr.Bench;

internal static class LetterBenchmarks
{
    /// <summary>Parsing extracted text alone, on one thread, beside splitting the same text into lines.</summary>
    public static async Task TextParsingAsync(Corpus corpus, int seconds)
    {
        var texts = new List<string>();
        foreach (var pdf in corpus.Pdfs) texts.Add(await Pdftotext.ExtractAsync(pdf));
        foreach (var seed in corpus.Seeds) texts.Add(await File.ReadAllTextAsync(seed));
        var bytes = texts.Sum(t => (long)t.Length);

        // Warm-up long enough for tiered compilation to reach optimised code.
        Measure(Math.Max(1, seconds / 2), () => { foreach (var t in texts) LetterReader.ReadText(t); });
        // Rates per second of this process's CPU time: other work on the machine slows the wall clock
        // far more than it changes the CPU a single thread spends.
        var parse = Measure(seconds, () => { foreach (var t in texts) LetterReader.ReadText(t); });
        var split = Measure(seconds, () => { foreach (var t in texts) _ = t.Split('\n').Length; });
        var parseRate = texts.Count * parse.Iterations / parse.Cpu.TotalSeconds;
        var splitRate = texts.Count * split.Iterations / split.Cpu.TotalSeconds;

        Console.WriteLine("## Parsing text (one thread)");
        Console.WriteLine();
        Console.WriteLine("| what | letters per CPU-second | MB per CPU-second |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| LetterReader.ReadText, {texts.Count} corpus letters (avg {bytes / texts.Count / 1024.0:F1} KB) | {parseRate:N0} | {parseRate * bytes / texts.Count / 1e6:F1} |");
        Console.WriteLine($"| string.Split into lines (floor) | {splitRate:N0} | {splitRate * bytes / texts.Count / 1e6:F1} |");
        Console.WriteLine();
        Console.WriteLine($"Parsing costs {splitRate / parseRate:F1}x a bare line split. Target: at least 10,000 letters/s.");
        Console.WriteLine();
    }

    /// <summary>Reading PDF letters (extraction included) beside pdftotext alone on the same files,
    /// interleaved file by file so that changes in the machine's load touch both alike.</summary>
    public static async Task PdfParsingAsync(Corpus corpus, int rounds)
    {
        double baseSeconds = 0, readerSeconds = 0;
        foreach (var pdf in corpus.Pdfs.Take(5)) await LetterReader.ReadFileAsync(pdf); // warm-up
        for (var r = 0; r < rounds; r++)
        {
            foreach (var pdf in corpus.Pdfs)
            {
                // Alternate which goes first, so neither always meets a warmer cache.
                var first = (r + Array.IndexOf(corpus.Pdfs, pdf)) % 2 == 0;
                for (var k = 0; k < 2; k++)
                {
                    var clock = Stopwatch.StartNew();
                    if ((k == 0) == first) await Pdftotext.ExtractAsync(pdf);
                    else await LetterReader.ReadFileAsync(pdf);
                    if ((k == 0) == first) baseSeconds += clock.Elapsed.TotalSeconds;
                    else readerSeconds += clock.Elapsed.TotalSeconds;
                }
            }
        }
        var letters = corpus.Pdfs.Length * rounds;
        Console.WriteLine("## Reading PDF letters (one at a time, extraction included)");
        Console.WriteLine();
        Console.WriteLine("| what | letters/s | ms/letter |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| pdftotext -layout alone, {corpus.Pdfs.Length} letters x {rounds} | {letters / baseSeconds:N1} | {baseSeconds * 1000 / letters:F2} |");
        Console.WriteLine($"| LetterReader.ReadFileAsync (pdftotext + parse) | {letters / readerSeconds:N1} | {readerSeconds * 1000 / letters:F2} |");
        Console.WriteLine();
        Console.WriteLine($"Ratio reader / pdftotext: {readerSeconds / baseSeconds:F3} (file by file, interleaved). Target: at most 1.2.");
        Console.WriteLine();
    }

    /// <summary>Peak memory of <c>imr parse --json</c> over growing batches of text letters: it streams,
    /// so the peak stays flat as the batch grows.</summary>
    public static async Task BatchMemoryAsync(Corpus corpus, int[] batches)
    {
        var imr = Path.Combine(AppContext.BaseDirectory, "imr.dll");
        if (!File.Exists("/usr/bin/time") || !File.Exists(imr))
        {
            Console.WriteLine("## Peak memory: skipped (needs GNU time at /usr/bin/time and imr.dll beside the bench)");
            return;
        }
        var texts = new List<string>();
        foreach (var pdf in corpus.Pdfs) texts.Add(await Pdftotext.ExtractAsync(pdf));
        Console.WriteLine("## Peak memory of `imr parse --json` over a batch of text letters");
        Console.WriteLine();
        Console.WriteLine("| letters | peak RSS (MB) | seconds | letters/s (2 cores, process start included) |");
        Console.WriteLine("|---:|---:|---:|---:|");
        foreach (var count in batches)
        {
            var dir = Directory.CreateTempSubdirectory("imr-bench-").FullName;
            try
            {
                for (var i = 0; i < count; i++)
                    await File.WriteAllTextAsync(Path.Combine(dir, $"{i:D7}.txt"), texts[i % texts.Count]);
                var (peakKb, elapsed) = await RunMeasuredAsync(imr, dir);
                Console.WriteLine($"| {count:N0} | {peakKb / 1024.0:F0} | {elapsed:F1} | {count / elapsed:N0} |");
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        Console.WriteLine();
    }

    private static async Task<(long PeakKb, double Seconds)> RunMeasuredAsync(string imr, string dir)
    {
        var start = new ProcessStartInfo("/usr/bin/time")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-f", "IMR_PEAK_KB=%M", "dotnet", imr, "parse", dir, "--json" }) start.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var drain = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await drain;
        var elapsed = clock.Elapsed.TotalSeconds;
        var line = (await stderr).Split('\n').Last(l => l.StartsWith("IMR_PEAK_KB=", StringComparison.Ordinal));
        return (long.Parse(line["IMR_PEAK_KB=".Length..], CultureInfo.InvariantCulture), elapsed);
    }

    private static (int Iterations, TimeSpan Elapsed, TimeSpan Cpu) Measure(int seconds, Action action)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var iterations = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            action();
            iterations++;
        }
        process.Refresh();
        return (iterations, clock.Elapsed, process.TotalProcessorTime - cpu);
    }

}
