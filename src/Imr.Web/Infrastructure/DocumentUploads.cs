using System.Globalization;
using Imr.Operations.Model;

namespace Imr.Web.Infrastructure;

/// <summary>
/// Turns an uploaded file into a case document: at most <see cref="MaxSize"/> (20 MB), and either a PDF,
/// known by its <c>%PDF-</c> signature whatever its name or declared type, or UTF-8 plain text. Anything
/// else is refused with a <see cref="ValidationException"/> on the field <c>file</c>, in words a person
/// can act on.
/// </summary>
public static class DocumentUploads
{
    public const long MaxSize = NewDocument.MaxSize;

    /// <summary>The largest request the server reads (Kestrel's limit for every request): the file and
    /// room for the form around it. Larger requests are cut off (413).</summary>
    public const long RequestLimit = MaxSize + (1024 * 1024);

    public const string Field = "file";

    /// <summary>Whether a request for a page (not the API, not the error page showing it) declares a body
    /// larger than <see cref="RequestLimit"/>.</summary>
    public static bool IsTooLargeForAPage(HttpContext context) =>
        context.Request.ContentLength > RequestLimit
        && !context.Request.IsApi()
        && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null;

    public static async Task<NewDocument> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0) throw new ValidationException(Field, "Choose a file to upload (a PDF or a plain text file).");
        if (file.Length > MaxSize)
        {
            throw new ValidationException(Field, string.Create(CultureInfo.InvariantCulture,
                $"The file is {Math.Ceiling(file.Length * 10 / (1024.0 * 1024.0)) / 10:0.0} MB; at most {MaxSize / (1024 * 1024)} MB are accepted."));
        }
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
            await stream.ReadExactlyAsync(content, cancellationToken);
        var document = new NewDocument(Path.GetFileName(file.FileName), ContentTypeOf(content, file), content);
        var errors = document.Validate();
        if (errors.Count > 0) throw new ValidationException(new Dictionary<string, string[]> { [Field] = errors.SelectMany(e => e.Value.Select(m => $"{e.Key} {m}")).ToArray() });
        return document;
    }

    /// <summary>The type the content shows: a PDF by its signature; text when declared or named so and
    /// readable as UTF-8.</summary>
    private static string ContentTypeOf(byte[] content, IFormFile file)
    {
        if (content.AsSpan().StartsWith("%PDF-"u8)) return NewDocument.Pdf;
        var declared = (file.ContentType ?? "").Split(';')[0].Trim();
        var extension = Path.GetExtension(file.FileName ?? "").ToLowerInvariant();
        if (declared == NewDocument.Pdf || extension == ".pdf")
            throw new ValidationException(Field, "The file is named or sent as a PDF but is not one (a PDF begins with %PDF-).");
        if (declared == NewDocument.PlainText || extension is ".txt" or ".text") return NewDocument.PlainText;
        throw new ValidationException(Field, $"Only PDF files and plain text files are accepted (this one is {(declared.Length > 0 ? declared : "of an unknown type")}).");
    }
}
