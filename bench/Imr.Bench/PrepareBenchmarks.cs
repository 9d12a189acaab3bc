using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Imr.Archive.Storage;
using Imr.Letters;
using Imr.Letters.Reading;
using Imr.Treatments;

namespace Imr.Bench;

/// <summary>
/// The import's preparing of a letter (<c>LetterRecord.From(source, LetterReader.ReadText(text).Determination).WithTerms()</c>)
/// on one thread, in letters per CPU-second, then split by step (and From's parts without its caches),
/// then the whole path on all cores as the importer runs it. With <c>--dump PATH</c>,
/// writes every letter's content hash, categories, guideline keys and terms (one line a letter) to
/// compare two builds' outputs.
/// </summary>
internal static class PrepareBenchmarks
{
    public static async Task RunAsync(string lettersFile, int letters, int rounds, string? dump)
    {
        var texts = ArchiveBenchmarks.ReadLetters(lettersFile).Take(letters).ToList();
        Console.WriteLine($"## Preparing {texts.Count:N0} letters for the archive ({texts.Average(l => l.Text.Length) / 1024:F1} K characters each)");
        Console.WriteLine();

        // Warm up (JIT and its tiers, the caches) over all the letters, then measure on this thread.
        foreach (var (source, text) in texts) LetterRecord.From(source, LetterReader.ReadText(text).Determination).WithTerms();
        Thread.Sleep(500);

        // The path alone, as the importer calls it, on this thread: the best of a few rounds (a shared
        // machine's noise only ever slows a round down).
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var single = double.MaxValue;
        var singleWall = double.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            foreach (var (source, text) in texts) LetterRecord.From(source, LetterReader.ReadText(text).Determination).WithTerms();
            single = Math.Min(single, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            singleWall = Math.Min(singleWall, wall.Elapsed.TotalSeconds);
        }
        allocated = (GC.GetAllocatedBytesForCurrentThread() - allocated) / rounds;
        var pauses = (GC.GetTotalPauseDuration() - pause).TotalSeconds / rounds;

        // Its three steps, timed apart; then what LetterRecord.From does without its caches (the cost of
        // a text seen for the first time): the JSON, its hash, each item's category and guideline keys.
        var phases = new long[7];
        Array.Fill(phases, long.MaxValue);
        var sums = new long[7];
        for (var r = 0; r < rounds; r++)
        {
            Array.Clear(sums);
            foreach (var (source, text) in texts)
            {
                var t0 = Stopwatch.GetTimestamp();
                var determination = LetterReader.ReadText(text).Determination;
                var t1 = Stopwatch.GetTimestamp();
                var record = LetterRecord.From(source, determination);
                var t2 = Stopwatch.GetTimestamp();
                record.WithTerms();
                var t3 = Stopwatch.GetTimestamp();
                var json = JsonSerializer.Serialize(determination, LetterJson.Stored);
                var t4 = Stopwatch.GetTimestamp();
                SHA256.HashData(Encoding.UTF8.GetBytes(json));
                var t5 = Stopwatch.GetTimestamp();
                foreach (var item in determination.Items) TreatmentClassifier.Classify(item.Treatment);
                var t6 = Stopwatch.GetTimestamp();
                foreach (var item in determination.Items) LetterRecord.GuidelineKeys(item.ReviewerCitations);
                var t7 = Stopwatch.GetTimestamp();
                sums[0] += t1 - t0;
                sums[1] += t2 - t1;
                sums[2] += t3 - t2;
                sums[3] += t4 - t3;
                sums[4] += t5 - t4;
                sums[5] += t6 - t5;
                sums[6] += t7 - t6;
            }
            for (var p = 0; p < phases.Length; p++) phases[p] = Math.Min(phases[p], sums[p]);
        }

        var n = texts.Count;
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency / n;
        Console.WriteLine($"One thread: {n / single:N0} letters per CPU-second ({single * 1000 / n:F3} ms CPU a letter; {n / singleWall:N0} letters/s wall); {allocated / 1024.0 / n:F0} KB allocated a letter, GC pauses {pauses / singleWall:P0} of the time (best of {rounds} rounds).");
        Console.WriteLine();
        Console.WriteLine($"| step (one thread) | ms a letter (wall, best of {rounds} rounds) |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine($"| LetterReader.ReadText | {Ms(phases[0]):F3} |");
        Console.WriteLine($"| LetterRecord.From | {Ms(phases[1]):F3} |");
        Console.WriteLine($"| WithTerms (tokenize, stem, count) | {Ms(phases[2]):F3} |");
        Console.WriteLine($"| From's parts, uncached: JSON to a string | {Ms(phases[3]):F3} |");
        Console.WriteLine($"| SHA-256 of its UTF-8 | {Ms(phases[4]):F3} |");
        Console.WriteLine($"| the items' categories (TreatmentClassifier) | {Ms(phases[5]):F3} |");
        Console.WriteLine($"| the items' guideline keys (CitationParser) | {Ms(phases[6]):F3} |");
        Console.WriteLine();

        var clock = Stopwatch.StartNew();
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        var count = 0;
        await foreach (var _ in LetterBatch.MapAsync(texts, (letter, _) =>
            Task.FromResult(LetterRecord.From(letter.Source, LetterReader.ReadText(letter.Text).Determination).WithTerms()), CancellationToken.None))
        {
            count++;
        }
        var all = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
        Console.WriteLine($"All cores ({Environment.ProcessorCount}, as the importer runs it): {count / clock.Elapsed.TotalSeconds:N0} letters/s ({all * 1000 / count:F3} ms CPU a letter).");
        Console.WriteLine();

        if (dump is not null) Dump(texts, dump);
    }

    // One line a letter: source, key, content hash, the JSON's length, the hash of the whole read
    // (determination in full shape, with citations, and diagnostics), then each item's category and
    // guideline keys, then the weighted length and the terms with their weights.
    private static void Dump(List<(string Source, string Text)> texts, string path)
    {
        using var writer = new StreamWriter(path);
        foreach (var (source, text) in texts)
        {
            var read = LetterReader.ReadText(text);
            var record = LetterRecord.From(source, read.Determination).WithTerms();
            var full = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(read, LetterJson.Options)));
            var line = new StringBuilder();
            line.Append(record.Source).Append('\t').Append(record.Key).Append('\t').Append(record.ContentHash).Append('\t').Append(record.Json.Length).Append('\t').Append(full);
            foreach (var item in record.Items)
                line.Append('\t').Append(item.Ordinal).Append(':').Append(item.Category).Append(':').Append(string.Join(',', item.Guidelines));
            var t = record.Terms!;
            line.Append('\t').Append(t.Length.ToString("R", CultureInfo.InvariantCulture));
            for (var i = 0; i < t.Terms.Count; i++)
                line.Append(' ').Append(t.Terms[i]).Append('=').Append(t.Tf[i].ToString("R", CultureInfo.InvariantCulture));
            writer.WriteLine(line);
        }
        Console.WriteLine($"Wrote {texts.Count:N0} letters' hashes, categories, guideline keys and terms to {path}.");
    }
}
