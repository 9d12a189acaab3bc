using System.Text;
using Imr.Archive.Storage;
using Imr.Letters.Model;
using Imr.Letters.Writing;
using Imr.Operations.Model;
using Imr.Operations.Services;
using Imr.Operations.Storage;

namespace Imr.Web.Infrastructure;

/// <summary>
/// Issuing and publishing a final determination, and the letter as the parties get it. The store keeps
/// the issued determination with the case (the letter model and its redacted copy); the text and PDF
/// letters are written from it by the Letters writers, the same bytes every time. The redacted copy is
/// published to the public archive at issue; a failed publication can be repeated (it is idempotent).
/// </summary>
public sealed class DeterminationLetters(ICaseStore store, IArchive archive, LetterPdfWriter pdf, ILogger<DeterminationLetters> logger)
{
    /// <summary>Issues the determination (the store checks QA's approval) and publishes its redacted copy.</summary>
    public async Task<ImrCase> IssueAsync(User actor, ImrCase @case, long? expectedVersion, CancellationToken cancellationToken)
    {
        var issued = await store.ApplyAsync(actor, @case.Id, new IssueDetermination(), expectedVersion, cancellationToken);
        try
        {
            await PublishAsync(actor, issued, cancellationToken);
        }
        catch (Exception e) when (e is not OperationsException and not OperationCanceledException)
        {
            // The determination stands; the case page offers to publish again.
            logger.LogError(e, "Case {Case} was issued but its redacted copy could not be published", issued.Number);
        }
        return issued;
    }

    /// <summary>Publishes the redacted copy of an issued determination to the archive (again, if need be).</summary>
    public async Task<StoreOutcome> PublishAsync(User actor, ImrCase @case, CancellationToken cancellationToken)
    {
        if (!Permissions.Allows(actor.Role, Permission.IssueDetermination))
        {
            await store.AppendAuditAsync(actor, AuditAction.AccessDenied, @case.Id, "publish the determination", cancellationToken);
            throw new AccessDeniedException($"Role {actor.Role} may not publish determinations.");
        }
        if (@case.Issued is not { } issued) throw new RuleViolationException($"Case {@case.Number} has no issued determination to publish.");
        var outcome = (await archive.StoreAsync([LetterIssuer.ToArchiveRecord(issued)], cancellationToken)).Single();
        await store.AppendAuditAsync(actor, AuditAction.Issue, @case.Id, $"case {@case.Number}: redacted copy published to the archive ({outcome.ToString().ToLowerInvariant()})", cancellationToken);
        logger.LogInformation("Published the redacted determination of {Case} ({Outcome})", @case.Number, outcome);
        return outcome;
    }

    /// <summary>Whether the redacted copy of the case's determination is in the archive.</summary>
    public async Task<bool> IsPublishedAsync(ImrCase @case, CancellationToken cancellationToken) =>
        @case.Issued is { } issued
        && await archive.GetLetterAsync(@case.Number.Value, cancellationToken) is { } stored
        && stored.Determination == issued.Redacted;

    /// <summary>The issued letter as text (UTF-8), audited as a read.</summary>
    public async Task<byte[]> TextAsync(User actor, ImrCase @case, CancellationToken cancellationToken)
    {
        var determination = Issued(@case);
        await store.AppendAuditAsync(actor, AuditAction.Read, @case.Id, $"case {@case.Number}: final determination letter rendered as text", cancellationToken);
        return Encoding.UTF8.GetBytes(LetterTextWriter.Write(determination));
    }

    /// <summary>The issued letter as PDF, audited as a read.</summary>
    public async Task<byte[]> PdfAsync(User actor, ImrCase @case, CancellationToken cancellationToken)
    {
        var determination = Issued(@case);
        var bytes = await pdf.RenderAsync(determination, cancellationToken);
        await store.AppendAuditAsync(actor, AuditAction.Read, @case.Id, $"case {@case.Number}: final determination letter rendered as PDF", cancellationToken);
        return bytes;
    }

    public static string FileName(ImrCase @case, string extension) => $"{@case.Number.Value}-final-determination.{extension}";

    private static Determination Issued(ImrCase @case) =>
        @case.Issued?.Determination ?? throw new NotFoundException($"Case {@case.Number} has no issued determination yet.");
}
