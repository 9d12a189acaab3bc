using Imr.Letters.Model;
using Imr.Operations.Model;
using Imr.Operations.Storage;
using Imr.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Imr.Web.Apis;

/// <summary>The append-only audit log (administrators).</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Policies.ReadAudit).ProducesOperationsProblems();
        api.MapGet("/", ReadAudit).WithName("ReadAudit")
            .WithSummary("Audit entries, newest first: who did what to which case, and when (reading them is audited too).");
        return api;
    }

    public static async Task<Ok<IReadOnlyList<AuditEntry>>> ReadAudit(
        string? caseNumber, string? userName, AuditAction? action, DateTimeOffset? from, DateTimeOffset? to, int? limit, ICaseStore store, HttpContext http)
    {
        var actor = http.ImrUser();
        CaseId? caseId = null;
        if (!string.IsNullOrWhiteSpace(caseNumber))
            caseId = CaseNumber.TryParse(caseNumber, out var number) ? (await store.GetCaseAsync(actor, number.Value, http.RequestAborted)).Id : throw new NotFoundException($"'{caseNumber}' is not a case number.");
        UserId? userId = null;
        if (!string.IsNullOrWhiteSpace(userName))
            userId = (await store.FindUserAsync(userName, http.RequestAborted))?.Id ?? throw new NotFoundException($"No user '{userName}'.");
        var query = new AuditQuery { CaseId = caseId, UserId = userId, Action = action, From = from, To = to, Limit = Math.Clamp(limit ?? 200, 1, 1000) };
        return TypedResults.Ok(await store.ReadAuditAsync(actor, query, http.RequestAborted));
    }
}
