using Imr.Operations.Model;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Imr.Web.Infrastructure;

/// <summary>
/// What the operations library refuses, as HTTP: <see cref="AccessDeniedException"/> 403,
/// <see cref="NotFoundException"/> 404, <see cref="ValidationException"/> 400 (a validation problem with
/// the errors by field), <see cref="RuleViolationException"/> and <see cref="ConcurrencyConflictException"/>
/// 409. Uploads refused by <see cref="DocumentUploads"/> are 400 too.
/// </summary>
public static class OperationsProblems
{
    /// <summary>The status code of an exception; 500 for anything unexpected.</summary>
    public static int StatusOf(Exception exception) => exception switch
    {
        AccessDeniedException => StatusCodes.Status403Forbidden,
        NotFoundException => StatusCodes.Status404NotFound,
        ValidationException => StatusCodes.Status400BadRequest,
        RuleViolationException or ConcurrencyConflictException => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The problem details of an operations exception (null for others).</summary>
    public static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        ValidationException v => new HttpValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The input is not valid.",
            Detail = v.Message,
        },
        RuleViolationException r => WithReasons(Problem(StatusCodes.Status409Conflict, "The case flow does not allow this now.", r.Message), r.Reasons),
        ConcurrencyConflictException c => Problem(StatusCodes.Status409Conflict, "The case changed since it was read.", c.Message),
        AccessDeniedException a => Problem(StatusCodes.Status403Forbidden, "Access denied.", a.Message),
        NotFoundException n => Problem(StatusCodes.Status404NotFound, "Not found.", n.Message),
        _ => null,
    };

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private static ProblemDetails WithReasons(ProblemDetails problem, IReadOnlyList<string> reasons)
    {
        if (reasons.Count > 0) problem.Extensions["reasons"] = reasons;
        return problem;
    }

    /// <summary>Whether a request is for the REST API (answered with problem details, never a page).</summary>
    public static bool IsApi(this HttpRequest request) => IsApi(request.Path);

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api");
}

/// <summary>Answers an operations exception thrown under <c>/api</c> with its problem details; for a page
/// the exception handler shows the error page with the same status code.</summary>
public sealed class OperationsExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed the request at the error page; the original path says what was asked.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path;
        if (!OperationsProblems.IsApi(path) || OperationsProblems.ToProblem(exception) is not { } problem) return false;
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
