namespace Imr.Letters;

/// <summary>
/// The command-line programs letters need: <c>pdftotext</c> (poppler-utils) to read PDFs and
/// <c>weasyprint</c> to print them. Found on PATH, as Debian installs them.
/// </summary>
public static class ExternalTools
{
    public const string Pdftotext = "pdftotext";
    public const string Weasyprint = "weasyprint";

    /// <summary>The full path of an executable on PATH, or null when there is none.</summary>
    public static string? Locate(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var extensions = OperatingSystem.IsWindows() ? [".exe", ".cmd", ".bat", ""] : new[] { "" };
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var extension in extensions)
            {
                var candidate = Path.Combine(directory, name + extension);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>The full path of an executable on PATH.</summary>
    /// <exception cref="ExternalToolException">It is not installed; the message says which package has it.</exception>
    public static string Require(string name) =>
        Locate(name) ?? throw new ExternalToolException(
            $"'{name}' was not found on PATH. Install it (Debian: apt-get install -y {DebianPackage(name)}).");

    private static string DebianPackage(string name) => name switch
    {
        Pdftotext => "poppler-utils",
        _ => name,
    };
}

/// <summary>An external program is missing or failed; the message includes what it reported.</summary>
public sealed class ExternalToolException(string message) : Exception(message);
