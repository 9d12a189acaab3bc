namespace Imr.Tests;

/// <summary>
/// Where the shared material lives: <c>shared/</c> beside the repository (for example /work/shared),
/// found by walking up from the test binaries to the first directory holding <c>shared/corpus</c>.
/// </summary>
public static class TestPaths
{
    private static readonly Lazy<string> Shared = new(FindShared);

    public static string SharedDirectory => Shared.Value;

    public static string CorpusLetters => Path.Combine(SharedDirectory, "corpus", "letters");

    public static string CorpusExpected => Path.Combine(SharedDirectory, "corpus", "expected");

    public static string Seeds => Path.Combine(SharedDirectory, "seeds");

    private static string FindShared()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "corpus"))) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"No 'shared/corpus' directory above {AppContext.BaseDirectory}; the shared material belongs beside the repository.");
    }
}
