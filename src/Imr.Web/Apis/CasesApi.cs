using Imr.Letters.Model;
using Imr.Operations.Model;
using Imr.Operations.Services;
using Imr.Operations.Storage;
using Imr.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Imr.Web.Apis;

/// <summary>
/// Cases from application to issued determination. Every call reads or writes through the store as the
/// signed-in user, which checks the permission (a reviewer reaches only the cases assigned to them) and
/// writes the audit entry. A step accepts <c>If-Match: "version"</c> (the case's <c>version</c>) and
/// answers 409 when the case changed meanwhile. Refusals are problem details: 400 invalid input, 403 not
/// permitted, 404 no such case, 409 not allowed in the case's status.
/// </summary>
public static class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/cases").WithTags("Cases").RequireAuthorization(Policies.Staff).ProducesOperationsProblems();

        api.MapGet("/", ListCases).WithName("ListCases")
            .WithSummary("Open and closed cases with their deadlines, oldest first (a reviewer sees only their own).");
        api.MapGet("/{number}", GetCase).WithName("GetCase")
            .WithSummary("A case by its number (CMyy-nnnnnnn), with its deadlines.");
        api.MapPost("/", CreateCase).WithName("CreateCase").RequireAuthorization(Policies.CreateCase)
            .WithSummary("Registers an application for independent medical review; the case is Received.");
        api.MapPut("/{number}/application", CorrectApplication).WithName("CorrectApplication").RequireAuthorization(Policies.EditCase)
            .WithSummary("Corrects the application before review; eligibility is then decided again.");
        api.MapPost("/{number}/eligibility-check", CheckEligibility).WithName("CheckEligibility").RequireAuthorization(Policies.EditCase)
            .WithSummary("Decides eligibility: timeliness, duplicates, a UR decision in dispute, liability, authorization.");
        api.MapPost("/{number}/records-request", RequestRecords).WithName("RequestRecords").RequireAuthorization(Policies.EditCase)
            .WithSummary("Sends the notice of assignment asking the claims administrator for the medical records.");
        api.MapPost("/{number}/records-received", RecordRecordsReceived).WithName("RecordRecordsReceived").RequireAuthorization(Policies.EditCase)
            .WithSummary("Records the day medical records arrived (starts the determination clock).");
        api.MapPost("/{number}/assignment", AssignReviewer).WithName("AssignReviewer").RequireAuthorization(Policies.AssignReviewer)
            .WithSummary("Assigns an expert reviewer; refused for a conflict of interest or missing qualifications.");
        api.MapPut("/{number}/review", SaveReview).WithName("SaveReview").RequireAuthorization(Policies.ReviewCase)
            .WithSummary("Saves the reviewer's case summary and item decisions (a draft may leave items undecided).");
        api.MapPost("/{number}/review/submission", SubmitForQa).WithName("SubmitForQa").RequireAuthorization(Policies.ReviewCase)
            .WithSummary("Hands the review to quality assurance; every item must be decided.");
        api.MapGet("/{number}/draft", Draft).WithName("GetDeterminationDraft").RequireAuthorization(Policies.ReviewCase)
            .WithSummary("The decision-support engine's draft for the assigned reviewer, from the saved case summary: per item a proposed decision and confidence, the guideline cited, each criterion with its status and evidence (positions in the summary), missing documentation and a draft rationale.");
        api.MapGet("/{number}/quality-check", QualityCheckReport).WithName("GetQualityCheck").RequireAuthorization(Policies.ReadCase)
            .WithSummary("The quality check's findings on the review as it stands.");
        api.MapPost("/{number}/qa", RecordQa).WithName("RecordQa").RequireAuthorization(Policies.QaCase)
            .WithSummary("QA approves the review (refused while the quality check finds an error) or returns it with notes.");
        api.MapPost("/{number}/issue", Issue).WithName("IssueDetermination").RequireAuthorization(Policies.IssueDetermination)
            .WithSummary("Issues the final determination and publishes its redacted copy to the public archive.");
        api.MapPost("/{number}/publication", Publish).WithName("PublishDetermination").RequireAuthorization(Policies.IssueDetermination)
            .WithSummary("Publishes the redacted copy of an issued determination to the archive again (idempotent).");
        api.MapPost("/{number}/withdrawal", Withdraw).WithName("WithdrawCase").RequireAuthorization(Policies.EditCase)
            .WithSummary("Withdraws the case before a determination.");
        api.MapGet("/{number}/letter", GetLetter).WithName("GetFinalDeterminationLetter")
            .WithSummary("The issued final determination (not redacted): format=json (the letter model), text or pdf.")
            .Produces(StatusCodes.Status200OK, contentType: "text/plain")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        return api;
    }

    /// <summary>What the case handlers need.</summary>
    public sealed record CaseServices(ICaseStore Store, TimeProvider Clock, DeterminationLetters Letters, HttpContext Http)
    {
        public User Actor => Http.ImrUser();

        public CancellationToken Cancel => Http.RequestAborted;

        public CaseDetails Details(ImrCase @case) => CaseDetails.Of(@case, Clock);

        public async Task<Ok<CaseDetails>> StepAsync(string number, CaseChange change, string? ifMatch)
        {
            var @case = await Store.GetCaseAsync(Actor, number, Cancel);
            var changed = await Store.ApplyAsync(Actor, @case.Id, change, ExpectedVersion(ifMatch), Cancel);
            return TypedResults.Ok(Details(changed));
        }
    }

    /// <summary>A case in a list: what a dashboard shows.</summary>
    public sealed record CaseSummary(
        CaseId Id, string Number, CaseStatus Status, Priority Priority, string EmployeeName, DateOnly ReceivedOn,
        ExpertReviewerId? AssignedReviewer, Deadline RecordsDeadline, Deadline DeterminationDeadline, long Version)
    {
        public static CaseSummary Of(ImrCase c, TimeProvider clock)
        {
            var deadlines = Deadlines.Of(c, clock);
            return new(c.Id, c.Number.Value, c.Status, c.Application.Priority, c.Application.EmployeeName, c.Application.ReceivedOn,
                c.AssignedReviewer, deadlines.Records, deadlines.Determination, c.Version);
        }
    }

    /// <summary>A case with its deadlines as they stand now.</summary>
    public sealed record CaseDetails(ImrCase Case, CaseDeadlines Deadlines)
    {
        public static CaseDetails Of(ImrCase c, TimeProvider clock) => new(c, Operations.Services.Deadlines.Of(c, clock));
    }

    public sealed record RecordsRequestBody(NoticeDelivery Delivery);

    public sealed record RecordsReceivedBody(DateOnly ReceivedOn);

    public sealed record AssignmentBody(ExpertReviewerId ReviewerId);

    public sealed record QaBody(QaOutcome Outcome, string? Notes);

    public sealed record WithdrawalBody(string Reason);

    public static async Task<Ok<List<CaseSummary>>> ListCases(
        [AsParameters] CaseServices services, [FromQuery] CaseStatus[]? status, int? limit, int? offset)
    {
        var cases = await services.Store.ListCasesAsync(services.Actor,
            new CaseQuery { Statuses = status, Limit = Math.Clamp(limit ?? 100, 1, 500), Offset = Math.Max(0, offset ?? 0) }, services.Cancel);
        return TypedResults.Ok(cases.Select(c => CaseSummary.Of(c, services.Clock)).ToList());
    }

    public static async Task<Ok<CaseDetails>> GetCase([AsParameters] CaseServices services, string number) =>
        TypedResults.Ok(services.Details(await services.Store.GetCaseAsync(services.Actor, number, services.Cancel)));

    public static async Task<Created<CaseDetails>> CreateCase([AsParameters] CaseServices services, CaseApplication application)
    {
        var created = await services.Store.CreateCaseAsync(services.Actor, application, services.Cancel);
        return TypedResults.Created($"/api/cases/{created.Number.Value}", services.Details(created));
    }

    public static Task<Ok<CaseDetails>> CorrectApplication([AsParameters] CaseServices services, string number, CaseApplication application, [FromHeader(Name = "If-Match")] string? ifMatch) =>
        services.StepAsync(number, new Operations.Services.CorrectApplication(application), ifMatch);

    public static Task<Ok<CaseDetails>> CheckEligibility([AsParameters] CaseServices services, string number, [FromHeader(Name = "If-Match")] string? ifMatch) =>
        services.StepAsync(number, new Operations.Services.CheckEligibility(), ifMatch);

    public static Task<Ok<CaseDetails>> RequestRecords([AsParameters] CaseServices services, string number, RecordsRequestBody body, [FromHeader(Name = "If-Match")] string? ifMatch) =>
        services.StepAsync(number, new Operations.Services.RequestRecords(body.Delivery), ifMatch);

    public static Task<Ok<CaseDetails>> RecordRecordsReceived([AsParameters] CaseServices services, string number, RecordsReceivedBody body, [FromHeader(Name = "If-Match")] string? ifMatch) =>
        services.StepAsync(number, new Operations.Services.RecordRecordsReceived(body.ReceivedOn), ifMatch);

    public static Task<Ok<CaseDetails>> AssignReviewer([AsParameters] CaseServices services, string number, AssignmentBody body, [FromHeader(Name = "If-Match")] string? ifMatch) =>
        services.StepAsync(number, new Operations.Services.AssignReviewer(body.ReviewerId), ifMatch);

    public static Task<Ok<CaseDetails>> SaveReview([AsParameters] CaseServices services, string number, ReviewerWork work, [FromHeader(Name = "If-Match")] string? ifMatch) =>
        services.StepAsync(number, new Operations.Services.SaveReview(work), ifMatch);

    public static Task<Ok<CaseDetails>> SubmitForQa([AsParameters] CaseServices services, string number, [FromHeader(Name = "If-Match")] string? ifMatch) =>
        services.StepAsync(number, new Operations.Services.SubmitForQa(), ifMatch);

    public static async Task<Ok<DeterminationDraft>> Draft([AsParameters] CaseServices services, string number, IDeterminationDrafter drafter)
    {
        var @case = await services.Store.GetCaseAsync(services.Actor, number, services.Cancel);
        // Only the reviewer the case is assigned to (the store lets no other reviewer read it, and audits the read).
        var draft = await drafter.DraftAsync(@case.Review?.CaseSummary ?? "", @case.Application, services.Cancel);
        await services.Store.AppendAuditAsync(services.Actor, AuditAction.Read, @case.Id, "engine draft", services.Cancel);
        return TypedResults.Ok(draft);
    }

    public static async Task<Ok<QaReport>> QualityCheckReport([AsParameters] CaseServices services, string number) =>
        TypedResults.Ok(QualityCheck.Run(await services.Store.GetCaseAsync(services.Actor, number, services.Cancel), services.Clock));

    public static Task<Ok<CaseDetails>> RecordQa([AsParameters] CaseServices services, string number, QaBody body, [FromHeader(Name = "If-Match")] string? ifMatch) =>
        services.StepAsync(number, new Operations.Services.RecordQa(body.Outcome, body.Notes ?? ""), ifMatch);

    public static async Task<Ok<CaseDetails>> Issue([AsParameters] CaseServices services, string number, [FromHeader(Name = "If-Match")] string? ifMatch)
    {
        var @case = await services.Store.GetCaseAsync(services.Actor, number, services.Cancel);
        return TypedResults.Ok(services.Details(await services.Letters.IssueAsync(services.Actor, @case, ExpectedVersion(ifMatch), services.Cancel)));
    }

    public static async Task<Ok<CaseDetails>> Publish([AsParameters] CaseServices services, string number)
    {
        var @case = await services.Store.GetCaseAsync(services.Actor, number, services.Cancel);
        await services.Letters.PublishAsync(services.Actor, @case, services.Cancel);
        return TypedResults.Ok(services.Details(@case));
    }

    public static Task<Ok<CaseDetails>> Withdraw([AsParameters] CaseServices services, string number, WithdrawalBody body, [FromHeader(Name = "If-Match")] string? ifMatch) =>
        services.StepAsync(number, new Operations.Services.Withdraw(body.Reason), ifMatch);

    public static async Task<Results<Ok<Determination>, FileContentHttpResult, BadRequest<ProblemDetails>>> GetLetter([AsParameters] CaseServices services, string number, string? format)
    {
        var @case = await services.Store.GetCaseAsync(services.Actor, number, services.Cancel);
        switch ((format ?? "json").ToLowerInvariant())
        {
            case "json":
                return TypedResults.Ok(@case.Issued?.Determination ?? throw new NotFoundException($"Case {@case.Number} has no issued determination yet."));
            case "text":
                return TypedResults.File(await services.Letters.TextAsync(services.Actor, @case, services.Cancel), "text/plain; charset=utf-8", DeterminationLetters.FileName(@case, "txt"));
            case "pdf":
                return TypedResults.File(await services.Letters.PdfAsync(services.Actor, @case, services.Cancel), "application/pdf", DeterminationLetters.FileName(@case, "pdf"));
            default:
                return TypedResults.BadRequest(new ProblemDetails { Status = 400, Title = "Unknown format.", Detail = "format is json, text or pdf." });
        }
    }

    /// <summary>The version an <c>If-Match</c> header names ("3", "\"3\"", W/"3"); null without one.</summary>
    internal static long? ExpectedVersion(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch)) return null;
        var text = ifMatch.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
        return long.TryParse(text.Trim('"'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new ValidationException("If-Match", "must be the case's version, a whole number.");
    }
}
