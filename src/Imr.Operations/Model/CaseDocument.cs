namespace Imr.Operations.Model;

/// <summary>A document of a case without its content (what a list shows).</summary>
public sealed record CaseDocumentInfo(
    DocumentId Id,
    CaseId CaseId,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    UserId UploadedBy,
    DateTimeOffset UploadedAt);

/// <summary>A document of a case (medical records, the application, correspondence) with its bytes.</summary>
public sealed record CaseDocument(CaseDocumentInfo Info, ReadOnlyMemory<byte> Content);

/// <summary>A document to add to a case.</summary>
public sealed record NewDocument(string FileName, string ContentType, ReadOnlyMemory<byte> Content)
{
    /// <summary>The largest document accepted: 20 MB (letters and records are small; they are kept in the database).</summary>
    public const long MaxSize = 20L * 1024 * 1024;

    public const string Pdf = "application/pdf";
    public const string PlainText = "text/plain";

    /// <summary>The content types accepted.</summary>
    public static IReadOnlyList<string> ContentTypes { get; } = [Pdf, PlainText];

    /// <summary>What is wrong with the document as input, by field; empty when nothing is. The content
    /// must match its declared type: a PDF starts with <c>%PDF-</c>, text is UTF-8 without NUL bytes.</summary>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        var name = Path.GetFileName(FileName ?? "");
        if (string.IsNullOrWhiteSpace(name) || name.Length > 255 || name.Any(char.IsControl))
            errors[nameof(FileName)] = ["must be a plain file name of at most 255 characters."];
        var type = BaseType(ContentType);
        if (!ContentTypes.Contains(type))
            errors[nameof(ContentType)] = [$"must be {string.Join(" or ", ContentTypes)}."];
        if (Content.Length == 0) errors[nameof(Content)] = ["is empty."];
        else if (Content.Length > MaxSize) errors[nameof(Content)] = [$"is larger than {MaxSize / (1024 * 1024)} MB."];
        else if (type == Pdf && !Content.Span.StartsWith("%PDF-"u8))
            errors[nameof(Content)] = ["is not a PDF (no %PDF- signature)."];
        else if (type == PlainText && !IsText(Content.Span))
            errors[nameof(Content)] = ["is not UTF-8 text."];
        return errors;
    }

    /// <summary>"text/plain; charset=utf-8" → "text/plain".</summary>
    internal static string BaseType(string? contentType) =>
        (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();

    private static bool IsText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Contains((byte)0)) return false;
        try
        {
            _ = new System.Text.UTF8Encoding(false, true).GetCharCount(bytes);
            return true;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return false;
        }
    }
}
