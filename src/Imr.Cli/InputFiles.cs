namespace Imr.Cli;

/// <summary>Expands the PATH arguments of a command into letter files, in input order.</summary>
internal static class InputFiles
{
    private static readonly string[] LetterExtensions = [".pdf", ".txt"];

    /// <summary>A file as given, or a directory's .pdf and .txt files sorted by name; a path that does
    /// not exist is kept so that the command reports it as a failed file.</summary>
    public static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path)
                    .Where(f => LetterExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
                foreach (var file in files) yield return file;
            }
            else
            {
                yield return path;
            }
        }
    }
}
