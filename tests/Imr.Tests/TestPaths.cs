namespace Imr.Tests;

/// <summary>
/// Where the shared data lives: <c>shared/</c> beside the repository (<c>../shared</c>, as CI lays it out)
/// or inside a folder above the test binaries. Found by walking up from the test binaries.
/// </summary>
public static class TestPaths
{
    private static readonly Lazy<string> Shared = new(FindShared);

    /// <summary>The <c>shared/</c> folder.</summary>
    public static string SharedDirectory => Shared.Value;

    /// <summary>The published letters (PDF).</summary>
    public static string CorpusLetters => Path.Combine(SharedDirectory, "corpus", "letters");

    /// <summary>The reference answers, one JSON file per letter and seed.</summary>
    public static string CorpusExpected => Path.Combine(SharedDirectory, "corpus", "expected");

    /// <summary>The seed letters (plain text).</summary>
    public static string Seeds => Path.Combine(SharedDirectory, "seeds");

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var inside = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(inside, "corpus"))) return inside;
            if (dir.Parent is { } parent && Directory.Exists(Path.Combine(parent.FullName, "shared", "corpus")))
                return Path.Combine(parent.FullName, "shared");
        }
        throw new DirectoryNotFoundException(
            $"No shared/corpus folder above {AppContext.BaseDirectory} nor beside any of its parents.");
    }
}
