using Imr.Bench;

// Benchmarks of the letter reader, each beside the engine underneath, as a ratio in the same run
// (these machines are noisy; absolute numbers vary, ratios much less).
//   dotnet run --project bench/Imr.Bench -c Release -- [letters] [--seconds N] [--batch N,N] [--clinical]
var seconds = Args.Int(args, "--seconds", 5);
var batches = Args.Ints(args, "--batch", [1_000, 10_000]);
var corpus = Corpus.Locate();
if (args.Contains("--clinical"))
{
    // Only the clinical fact extractor: dotnet run --project bench/Imr.Bench -c Release -- --clinical
    ClinicalBenchmarks.Extraction(Path.GetDirectoryName(Path.GetDirectoryName(corpus.Seeds[0])!)!, seconds);
    return;
}

Console.WriteLine($"# Letter reader benchmarks ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version})");
Console.WriteLine();
await LetterBenchmarks.TextParsingAsync(corpus, seconds);
await LetterBenchmarks.PdfParsingAsync(corpus, rounds: 3);
await LetterBenchmarks.BatchMemoryAsync(corpus, batches);
ClinicalBenchmarks.Extraction(Path.GetDirectoryName(Path.GetDirectoryName(corpus.Seeds[0])!)!, seconds);
