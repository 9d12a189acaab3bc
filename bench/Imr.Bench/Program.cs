using Imr.Bench;

// Benchmarks of the letter reader and the treatment classifier, each beside a floor measured in the
// same run (these machines are noisy; absolute numbers vary, ratios much less).
//   dotnet run --project bench/Imr.Bench -c Release -- [letters|treatments|clinical|archive] [--seconds N] [--batch N,N] [--items N]
//       [--letters N,N] [--postgres "Host=...;Username=..."] [--engines sqlite,postgres] [--queries N] [--warmup N (searches before the measured ones; 20 at least)]
//       [--raw-searches N (the raw engine measures only the first N queries, after 20 unmeasured)]
//       [--letters-file PATH (kept, reused)] [--part both|archive|raw] [--db PATH (an SQLite archive kept, reused; with postgres, a database an earlier run imported)] [--verbose]
//   dotnet run --project bench/Imr.Bench -c Release -- prepare --letters-file PATH [--letters N] [--rounds N] [--dump PATH]
//       (the import's parse and prepare alone: letters per CPU-second on one thread, by phase, then on all cores)
// The archive suite runs only when named (it takes minutes at 100,000 letters and hours at 1,000,000 on a shared machine).
var seconds = Args.Int(args, "--seconds", 5);
var batches = Args.Ints(args, "--batch", [1_000, 10_000]);
var items = Args.Int(args, "--items", 1_000_000);
var archiveLetters = Args.Ints(args, "--letters", [100_000]);
var postgres = Args.String(args, "--postgres");
var queries = Args.Int(args, "--queries", 200);
ArchiveBenchmarks.Warmup = Args.Int(args, "--warmup", 200);
ArchiveBenchmarks.RawSearches = args.Contains("--raw-searches") ? Args.Int(args, "--raw-searches", 200) : null;
var lettersFile = Args.String(args, "--letters-file");
var part = Args.String(args, "--part") ?? "both";
var keptDb = Args.String(args, "--db");
ArchiveBenchmarks.Verbose = args.Contains("--verbose");
var engines = (Args.String(args, "--engines") ?? "sqlite,postgres").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
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
if (suite is null or "clinical")
{
    ClinicalBenchmarks.Extraction(Path.GetDirectoryName(Path.GetDirectoryName(corpus.Seeds[0])!)!, seconds);
}
if (suite is "prepare")
{
    await PrepareBenchmarks.RunAsync(lettersFile ?? throw new ArgumentException("prepare needs --letters-file (see the archive suite)"), Args.Int(args, "--letters", 20_000), Args.Int(args, "--rounds", 3), Args.String(args, "--dump"));
}
if (suite is "archive")
{
    foreach (var n in archiveLetters) await ArchiveBenchmarks.RunAsync(corpus, n, postgres, queries, engines, lettersFile, part, keptDb);
}
