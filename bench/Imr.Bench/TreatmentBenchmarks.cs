using System.Diagnostics;
using System.Text.Json.Nodes;
using Imr.Treatments;

namespace Imr.Bench;

internal static class TreatmentBenchmarks
{
    /// <summary>Classifying a million disputed items (the corpus items, repeated) on one thread,
    /// beside lower-casing and splitting the same texts into words.</summary>
    public static void Classification(Corpus corpus, int count)
    {
        var expected = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(corpus.Pdfs[0]))!, "expected");
        var distinct = Directory.GetFiles(expected, "*.json").Order(StringComparer.Ordinal)
            .SelectMany(f => JsonNode.Parse(File.ReadAllText(f))!["items"]!.AsArray())
            .Select(i => i!["treatment"]!.GetValue<string>())
            .ToArray();
        // Fresh string instances, as a reader would produce them.
        var items = Enumerable.Range(0, count).Select(i => new string(distinct[i % distinct.Length].AsSpan())).ToArray();
        var chars = items.Sum(t => (long)t.Length);

        var loadClock = Stopwatch.StartNew();
        var taxonomy = TreatmentTaxonomy.Parse(TreatmentTaxonomy.ReadDefaultJson());
        var load = loadClock.Elapsed;

        // Warm-up until tiered compilation settles.
        for (var round = 0; round < 3; round++)
            foreach (var t in items.AsSpan(0, Math.Min(items.Length, 200_000))) taxonomy.Classify(t);

        var others = 0;
        var classify = Time(() =>
        {
            others = 0;
            foreach (var t in items)
                if (ReferenceEquals(taxonomy.Classify(t).Category, taxonomy.Other)) others++;
        });
        var split = Time(() =>
        {
            foreach (var t in items) _ = t.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        });
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        foreach (var t in items.AsSpan(0, Math.Min(items.Length, 100_000))) taxonomy.Classify(t);
        var perItem = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)Math.Min(items.Length, 100_000);

        Console.WriteLine("## Classifying treatments (one thread)");
        Console.WriteLine();
        Console.WriteLine("| what | items/s | µs/item |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| TreatmentTaxonomy.Classify, {count:N0} items ({distinct.Length} corpus items repeated, avg {chars / (double)count:F0} chars) | {count / classify.TotalSeconds:N0} | {classify.TotalMilliseconds * 1000 / count:F2} |");
        Console.WriteLine($"| ToLowerInvariant + Split into words (floor) | {count / split.TotalSeconds:N0} | {split.TotalMilliseconds * 1000 / count:F2} |");
        Console.WriteLine();
        Console.WriteLine($"Classifying costs {classify / split:F1}x a lower-case-and-split; {perItem:F0} bytes allocated an item; " +
                          $"{others:N0} items \"other\"; taxonomy loaded and compiled in {load.TotalMilliseconds:F0} ms " +
                          $"({taxonomy.Vocabulary:N0} words). Target: over 100,000 items/s.");
        Console.WriteLine();
    }

    private static TimeSpan Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed;
    }
}
