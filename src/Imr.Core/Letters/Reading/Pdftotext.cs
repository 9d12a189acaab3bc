using System.Diagnostics;
using System.Text;

namespace Imr.Letters.Reading;

/// <summary>
/// Text extraction from PDF through poppler's <c>pdftotext -layout</c> (Debian package
/// poppler-utils): no PDF text extraction library is available for .NET here.
/// </summary>
public static class Pdftotext
{
    /// <summary>The program run; override with the environment variable IMR_PDFTOTEXT.</summary>
    public static string Program => Environment.GetEnvironmentVariable("IMR_PDFTOTEXT") is { Length: > 0 } p ? p : "pdftotext";

    /// <exception cref="LetterFormatException">pdftotext is missing, failed, or found no text.</exception>
    public static async Task<string> ExtractAsync(string pdfPath, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-layout", "-enc", "UTF-8", "-q", pdfPath, "-" }) start.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new LetterFormatException("pdftotext could not be started");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new LetterFormatException($"'{Program}' was not found: install poppler-utils to read PDF letters");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            var text = await output.ConfigureAwait(false);
            var stderr = (await error.ConfigureAwait(false)).Trim();
            if (process.ExitCode != 0)
                throw new LetterFormatException($"the PDF could not be read (pdftotext exit code {process.ExitCode}{(stderr.Length > 0 ? ": " + stderr : "")}); it may be damaged or truncated");
            if (string.IsNullOrWhiteSpace(text))
                throw new LetterFormatException("the PDF holds no extractable text (damaged, truncated, or a scanned image)");
            return text;
        }
    }
}
