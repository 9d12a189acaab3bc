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
        api.MapPost("/reviewers", AddReviewer).WithName("AddReviewer").RequireAuthorization(Policies.ManageRoster)
            .WithSummary("Adds a reviewer to the roster with their credentials: board certifications, subspecialties, licensure states, years in practice, weekly practice hours, affiliations.");
        api.MapPut("/reviewers/{id}", UpdateReviewer).WithName("UpdateReviewer").RequireAuthorization(Policies.ManageRoster)
            .WithSummary("Replaces a roster entry's credentials (active false takes the reviewer off new assignments).");
        api.MapGet("/cases/{number}/reviewer-matches", RankReviewers).WithName("RankReviewers").RequireAuthorization(Policies.AssignReviewer)
            .WithSummary("The roster ranked for a case: the qualified and conflict-free first by specialty fit, then the excluded with the reasons.");
        return api;
    }

    public static async Task<Ok<IReadOnlyList<ExpertReviewer>>> ListReviewers(ICaseStore store, HttpContext http) =>
        TypedResults.Ok(await store.ListReviewersAsync(http.ImrUser(), http.RequestAborted));

    public static async Task<Ok<ExpertReviewer>> GetReviewer(ExpertReviewerId id, ICaseStore store, HttpContext http) =>
        TypedResults.Ok(await store.GetReviewerAsync(http.ImrUser(), id, http.RequestAborted));

    public static async Task<Created<ExpertReviewer>> AddReviewer(RosterInput input, ICaseStore store, HttpContext http)
    {
        var saved = await store.SaveReviewerAsync(http.ImrUser(), input.ToReviewer(ExpertReviewerId.New()), http.RequestAborted);
        return TypedResults.Created($"/api/reviewers/{saved.Id}", saved);
    }

    public static async Task<Ok<ExpertReviewer>> UpdateReviewer(ExpertReviewerId id, RosterInput input, ICaseStore store, HttpContext http)
    {
        // Refuses an unknown id (404) rather than creating an entry under an id the client chose.
        await store.GetReviewerAsync(http.ImrUser(), id, http.RequestAborted);
        return TypedResults.Ok(await store.SaveReviewerAsync(http.ImrUser(), input.ToReviewer(id), http.RequestAborted));
    }

    public static async Task<Ok<IReadOnlyList<ReviewerMatch>>> RankReviewers(string number, ICaseStore store, HttpContext http)
    {
        var @case = await store.GetCaseAsync(http.ImrUser(), number, http.RequestAborted);
        return TypedResults.Ok(await store.RankReviewersAsync(http.ImrUser(), @case.Id, http.RequestAborted));
    }
}
