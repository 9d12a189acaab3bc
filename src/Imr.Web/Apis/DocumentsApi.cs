using Imr.Operations.Model;
using Imr.Operations.Storage;
using Imr.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Imr.Web.Apis;

/// <summary>The documents of a case: medical records and correspondence, PDF or plain text, at most 20 MB.</summary>
public static class DocumentsApi
{
    public static RouteGroupBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/cases/{number}/documents").WithTags("Documents").RequireAuthorization(Policies.Staff).ProducesOperationsProblems();

        api.MapGet("/", ListDocuments).WithName("ListDocuments")
            .WithSummary("The documents of a case, without their content.");
        api.MapPost("/", UploadDocument).WithName("UploadDocument").RequireAuthorization(Policies.UploadDocument)
            .WithSummary("Adds a document (multipart field 'file'): a PDF (by its %PDF- signature) or UTF-8 plain text, at most 20 MB.")
            .DisableAntiforgery(); // checked by the API's own antiforgery filter, with the header a script sends
        api.MapGet("/{id}", GetDocument).WithName("GetDocument")
            .WithSummary("A document's content, with its type (application/pdf or text/plain).")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .Produces(StatusCodes.Status200OK, contentType: "text/plain");
        return api;
    }

    public static async Task<Ok<IReadOnlyList<CaseDocumentInfo>>> ListDocuments(string number, ICaseStore store, HttpContext http)
    {
        var @case = await store.GetCaseAsync(http.ImrUser(), number, http.RequestAborted);
        return TypedResults.Ok(await store.ListDocumentsAsync(http.ImrUser(), @case.Id, http.RequestAborted));
    }

    public static async Task<Created<CaseDocumentInfo>> UploadDocument(string number, IFormFile? file, ICaseStore store, HttpContext http)
    {
        var @case = await store.GetCaseAsync(http.ImrUser(), number, http.RequestAborted);
        var document = await DocumentUploads.ReadAsync(file, http.RequestAborted);
        var stored = await store.AddDocumentAsync(http.ImrUser(), @case.Id, document, http.RequestAborted);
        return TypedResults.Created($"/api/cases/{@case.Number.Value}/documents/{stored.Id}", stored);
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> GetDocument(string number, DocumentId id, ICaseStore store, HttpContext http)
    {
        var @case = await store.GetCaseAsync(http.ImrUser(), number, http.RequestAborted);
        var document = await store.GetDocumentAsync(http.ImrUser(), id, http.RequestAborted);
        if (document.Info.CaseId != @case.Id) return TypedResults.NotFound();
        return TypedResults.File(document.Content.ToArray(), document.Info.ContentType, document.Info.FileName);
    }
}
