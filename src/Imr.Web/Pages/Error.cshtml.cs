using Imr.Operations.Model;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Imr.Web.Pages;

/// <summary>The error page for people: what went wrong, by status code; the reason the operations library
/// gave (written for people, naming no clinical detail) when there is one.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";

    public string Explanation { get; private set; } = "";

    public string? Detail { get; private set; }

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        var code = status ?? Response.StatusCode;
        if (code is < 400 or > 599) code = 500;
        Response.StatusCode = code;
        (Title, Explanation) = code switch
        {
            400 => ("The request was not valid", "Something in the request could not be used."),
            401 => ("Sign in first", "This page is for the review organization's staff."),
            403 => ("Access denied", "Your role does not allow this, or the case is not assigned to you."),
            404 => ("Not found", "There is no such page, case, document or letter."),
            409 => ("Not possible now", "The case's status does not allow this step, or someone changed it meanwhile."),
            413 => ("The upload is too large", "Documents of at most 20 MB are accepted: go back and choose a smaller file, or split it in parts."),
            429 => ("Too many sign-in attempts", "Too many sign-in attempts from this address. Wait a minute and try again."),
            _ => ("Something went wrong", "The error was logged. Try again, or tell the administrator what you were doing."),
        };
        Detail = error switch
        {
            OperationsException e => e.Message,
            BadHttpRequestException { StatusCode: 413 } => "The request was larger than the server accepts.",
            _ => null,
        };
    }
}
