namespace Imr.Web.Apis;

internal static class OperationsProblemMetadata
{
    /// <summary>Declares the problem answers every staff route can give (the store's refusals,
    /// <see cref="Infrastructure.OperationsProblems"/>), for the OpenAPI document.</summary>
    public static RouteGroupBuilder ProducesOperationsProblems(this RouteGroupBuilder group) =>
        group.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
