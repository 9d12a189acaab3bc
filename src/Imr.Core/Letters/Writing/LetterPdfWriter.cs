using System.Diagnostics;
using System.Text;
using Imr.Letters.Model;

namespace Imr.Letters.Writing;

/// <summary>
/// Prints a determination to PDF: the document of <see cref="LetterHtmlWriter"/>, rendered by
/// WeasyPrint (no usable .NET PDF library is available here). The HTML goes in on standard input and
/// the PDF comes back on standard output, so nothing touches the disk but the result. The PDF's text,
/// as <c>pdftotext -layout</c> extracts it, reads back as the letter: header labels and values on
/// lines as in the published letters, headings on lines of their own, paragraphs separated by blank
/// lines, and no page headers or footers.
/// </summary>
public sealed class LetterPdfWriter
{
    private readonly string? _weasyprintPath;

    /// <param name="weasyprintPath">The weasyprint executable; by default the one on PATH, looked up
    /// when rendering, so that a missing program is reported then.</param>
    public LetterPdfWriter(string? weasyprintPath = null) => _weasyprintPath = weasyprintPath;

    /// <summary>Renders the letter and returns the PDF.</summary>
    /// <exception cref="ExternalToolException">weasyprint is missing or failed; the message has its error output.</exception>
    public Task<byte[]> RenderAsync(Determination determination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(determination);
        return RenderHtmlAsync(LetterHtmlWriter.Write(determination), cancellationToken);
    }

    /// <summary>Renders the letter into a file, replacing it; the file is written only once the
    /// rendering has succeeded.</summary>
    /// <exception cref="ExternalToolException">weasyprint is missing or failed; the message has its error output.</exception>
    public async Task WriteAsync(Determination determination, string outputPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);
        var pdf = await RenderAsync(determination, cancellationToken).ConfigureAwait(false);
        await File.WriteAllBytesAsync(outputPath, pdf, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Prints an HTML document to PDF. Internal because weasyprint follows URLs in the HTML
    /// (file: ones too); the letter's own document has none, and arbitrary HTML must not get here.</summary>
    /// <exception cref="ExternalToolException">weasyprint is missing or failed; the message has its error output.</exception>
    internal async Task<byte[]> RenderHtmlAsync(string html, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        var executable = _weasyprintPath ?? ExternalTools.Require(ExternalTools.Weasyprint);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardErrorEncoding = Encoding.UTF8,
            // The working directory is the base for relative URLs of stdin input; the letter has none,
            // and a neutral directory keeps it from reading anything near the caller.
            WorkingDirectory = Path.GetTempPath(),
        };
        // PDF/UA-1 makes a tagged PDF that screen readers can follow; it costs no time and leaves the
        // extracted text unchanged.
        foreach (var argument in new[] { "--quiet", "--pdf-variant", "pdf/ua-1", "--encoding", "utf-8", "-", "-" })
            start.ArgumentList.Add(argument);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ExternalToolException($"Could not start weasyprint ('{executable}'): {e.Message}. Install it (Debian: apt-get install -y weasyprint).");
        }

        try
        {
            // Read both outputs while writing the input: a full pipe on either side would otherwise
            // leave both processes waiting on each other.
            using var pdf = new MemoryStream();
            var readPdf = process.StandardOutput.BaseStream.CopyToAsync(pdf, cancellationToken);
            var readErrors = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.StandardInput.WriteAsync(html.AsMemory(), cancellationToken).ConfigureAwait(false);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // weasyprint stopped reading (it failed early); its exit code and error output say why.
            }
            await Task.WhenAll(readPdf, readErrors).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);

            var errors = (await readErrors.ConfigureAwait(false)).Trim();
            if (process.ExitCode != 0)
                throw new ExternalToolException($"weasyprint failed (exit code {process.ExitCode}): {(errors.Length > 0 ? errors : "no error output")}");
            var bytes = pdf.ToArray();
            if (!bytes.AsSpan().StartsWith("%PDF"u8))
                throw new ExternalToolException($"weasyprint produced no PDF{(errors.Length > 0 ? ": " + errors : ".")}");
            return bytes;
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }
}
