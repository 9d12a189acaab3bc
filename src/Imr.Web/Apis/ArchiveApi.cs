using Imr.Archive.Reports;
using Imr.Archive.Search;
using Imr.Archive.Storage;
using Imr.Letters.Model;
using Imr.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Imr.Web.Apis;

/// <summary>The public archive of redacted final determinations: search, the letters, the report. No
/// sign-in: it holds only published, redacted letters.</summary>
public static class ArchiveApi
{
    public static RouteGroupBuilder MapArchiveApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/archive").WithTags("Archive").AllowAnonymous();

        api.MapGet("/search", Search).WithName("SearchArchive")
            .WithSummary("Ranked full-text search of current letters; the snippet marks matched words in [brackets].");
        api.MapGet("/letters/{key}", GetLetter).WithName("GetArchivedLetter")
            .WithSummary("A published letter by its case number (or, for one without, its source).");
        api.MapGet("/report", Report).WithName("GetArchiveReport")
            .WithSummary("The annual report's tables: by month, category, guideline, specialty, state; days to assignment and decision.");
        api.MapGet("/status", Status).WithName("GetArchiveStatus")
            .WithSummary("How many letters the archive holds, and where the corpus import stands.");
        return api;
    }

    /// <summary>The search form's fields (query string).</summary>
    public sealed record SearchParameters(
        [FromQuery] string? Q, [FromQuery] Decision? Decision, [FromQuery] string? Category, [FromQuery] string? Guideline,
        [FromQuery] string? Specialty, [FromQuery] string? State, [FromQuery] DateOnly? From, [FromQuery] DateOnly? To, [FromQuery] int? Limit)
    {
        public SearchQuery ToQuery() => new(Q ?? "")
        {
            Decision = Decision,
            Category = string.IsNullOrWhiteSpace(Category) ? null : Category,
            Guideline = string.IsNullOrWhiteSpace(Guideline) ? null : Guideline,
            Specialty = string.IsNullOrWhiteSpace(Specialty) ? null : Specialty,
            State = string.IsNullOrWhiteSpace(State) ? null : State,
            From = From,
            To = To,
            Limit = Math.Clamp(Limit ?? 20, 1, 200),
        };
    }

    public sealed record ArchiveStatus(long Stored, long Current, string Import, string ImportMessage);

    public static async Task<Ok<IReadOnlyList<SearchHit>>> Search([AsParameters] SearchParameters parameters, IArchive archive, CancellationToken cancellationToken) =>
        TypedResults.Ok(await archive.SearchAsync(parameters.ToQuery(), cancellationToken));

    public static async Task<Results<Ok<Determination>, NotFound<ProblemDetails>>> GetLetter(string key, IArchive archive, CancellationToken cancellationToken) =>
        await archive.GetLetterAsync(key, cancellationToken) is { } letter
            ? TypedResults.Ok(letter.Determination)
            : TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found.", Detail = $"No published letter '{key}'." });

    public static async Task<Ok<ArchiveReport>> Report(DateOnly? from, DateOnly? to, IArchive archive, CancellationToken cancellationToken) =>
        TypedResults.Ok(await archive.ReportAsync(new ReportQuery(from, to), cancellationToken));

    public static async Task<Ok<ArchiveStatus>> Status(IArchive archive, CorpusImportStatus import, CancellationToken cancellationToken)
    {
        var (stored, current) = await archive.CountAsync(cancellationToken);
        return TypedResults.Ok(new ArchiveStatus(stored, current, import.State.ToString(), import.Message));
    }
}
