namespace Imr.Tests;

/// <summary>Where the shared corpus is: <c>../shared</c> beside the repository, found by walking up.</summary>
internal static class TestPaths
{
    public static string SharedDirectory { get; } = FindShared();

    public static string CorpusLetters => Path.Combine(SharedDirectory, "corpus", "letters");

    public static string CorpusExpected => Path.Combine(SharedDirectory, "corpus", "expected");

    public static string Seeds => Path.Combine(SharedDirectory, "seeds");

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "shared", "corpus"))) return Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(dir.FullName, "corpus")) && dir.Name == "shared") return dir.FullName;
        }
        throw new DirectoryNotFoundException("The shared corpus (../shared/corpus beside the repository) was not found.");
    }
}
