namespace Imr.Bench;

/// <summary>The shared corpus: published PDF letters and the plain-text seeds.</summary>
internal sealed record Corpus(string[] Pdfs, string[] Seeds)
{
    public static Corpus Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var shared = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(shared, "corpus", "letters")))
            {
                return new Corpus(
                    Directory.GetFiles(Path.Combine(shared, "corpus", "letters"), "*.pdf").Order(StringComparer.Ordinal).ToArray(),
                    Directory.GetFiles(Path.Combine(shared, "seeds"), "*.txt").Order(StringComparer.Ordinal).ToArray());
            }
        }
        throw new DirectoryNotFoundException("../shared/corpus was not found beside the repository");
    }
}
