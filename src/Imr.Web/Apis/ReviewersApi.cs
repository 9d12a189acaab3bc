using Imr.Operations.Model;
using Imr.Operations.Services;
using Imr.Operations.Storage;
using Imr.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Imr.Web.Apis;

/// <summary>The expert reviewer roster and its ranking for a case.</summary>
public static class ReviewersApi
{
    public static RouteGroupBuilder MapReviewersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/").WithTags("Reviewers").RequireAuthorization(Policies.Staff).ProducesOperationsProblems();

        api.MapGet("/reviewers", ListReviewers).WithName("ListReviewers").RequireAuthorization(Policies.ReadRoster)
            .WithSummary("The roster: credentials, licensure, practice, affiliations.");
        api.MapGet("/reviewers/{id}", GetReviewer).WithName("GetReviewer")
            .WithSummary("A roster entry (a reviewer may read their own).");
        api.MapGet("/cases/{number}/reviewer-matches", RankReviewers).WithName("RankReviewers").RequireAuthorization(Policies.AssignReviewer)
            .WithSummary("The roster ranked for a case: the qualified and conflict-free first by specialty fit, then the excluded with the reasons.");
        return api;
    }

    public static async Task<Ok<IReadOnlyList<ExpertReviewer>>> ListReviewers(ICaseStore store, HttpContext http) =>
        TypedResults.Ok(await store.ListReviewersAsync(http.ImrUser(), http.RequestAborted));

    public static async Task<Ok<ExpertReviewer>> GetReviewer(ExpertReviewerId id, ICaseStore store, HttpContext http) =>
        TypedResults.Ok(await store.GetReviewerAsync(http.ImrUser(), id, http.RequestAborted));

    public static async Task<Ok<IReadOnlyList<ReviewerMatch>>> RankReviewers(string number, ICaseStore store, HttpContext http)
    {
        var @case = await store.GetCaseAsync(http.ImrUser(), number, http.RequestAborted);
        return TypedResults.Ok(await store.RankReviewersAsync(http.ImrUser(), @case.Id, http.RequestAborted));
    }
}
