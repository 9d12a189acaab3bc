using Imr.Bench;

// Benchmarks of the letter reader and the treatment classifier, each beside a floor measured in the
// same run (these machines are noisy; absolute numbers vary, ratios much less).
//   dotnet run --project bench/Imr.Bench -c Release -- [letters|treatments] [--seconds N] [--batch N,N] [--items N]
var seconds = Args.Int(args, "--seconds", 5);
var batches = Args.Ints(args, "--batch", [1_000, 10_000]);
var items = Args.Int(args, "--items", 1_000_000);
var suite = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !char.IsDigit(a[0]));
var corpus = Corpus.Locate();

Console.WriteLine($"# Benchmarks ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version})");
Console.WriteLine();
if (suite is null or "letters")
{
    await LetterBenchmarks.TextParsingAsync(corpus, seconds);
    await LetterBenchmarks.PdfParsingAsync(corpus, rounds: 3);
    await LetterBenchmarks.BatchMemoryAsync(corpus, batches);
}
if (suite is null or "treatments")
{
    TreatmentBenchmarks.Classification(corpus, items);
}
