using System.Text;
using Imr.Operations.Model;
using Imr.Operations.Storage;
using Imr.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Imr.Web.Pages.Cases;

/// <summary>A document of a case: text shown in the page; the content itself (PDF or text) served with
/// its type and a Content-Disposition naming the file.</summary>
public sealed class DocumentModel(ICaseStore store) : StaffPageModel(store)
{
    [BindProperty(SupportsGet = true)]
    public string Number { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public DocumentId Id { get; set; }

    public ImrCase Case { get; private set; } = null!;

    public CaseDocument Document { get; private set; } = null!;

    public string? Text { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (Document.Info.ContentType == NewDocument.PlainText) Text = Encoding.UTF8.GetString(Document.Content.Span);
    }

    /// <summary>The content: inline (a PDF opens in the browser's viewer), under its file name.</summary>
    public async Task<IActionResult> OnGetContentAsync(bool download = false)
    {
        await LoadAsync();
        var disposition = new ContentDispositionHeaderValue(download ? "attachment" : "inline");
        disposition.SetHttpFileName(Document.Info.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        var type = Document.Info.ContentType == NewDocument.PlainText ? "text/plain; charset=utf-8" : Document.Info.ContentType;
        return File(Document.Content.ToArray(), type);
    }

    private async Task LoadAsync()
    {
        Case = await Store.GetCaseAsync(Actor, Number, Cancel);
        Document = await Store.GetDocumentAsync(Actor, Id, Cancel);
        if (Document.Info.CaseId != Case.Id) throw new NotFoundException($"Case {Case.Number} has no document {Id}.");
    }
}
