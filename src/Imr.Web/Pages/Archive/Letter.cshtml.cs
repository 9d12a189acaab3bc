using Imr.Archive.Storage;
using Imr.Letters.Writing;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Imr.Web.Pages.Archive;

/// <summary>A published letter, as the archive stores it (redacted), written by the letter HTML writer.</summary>
public sealed class LetterModel(IArchive archive) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Key { get; set; } = "";

    public StoredLetter Stored { get; private set; } = null!;

    public IHtmlContent Letter { get; private set; } = HtmlString.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await archive.GetLetterAsync(Key, HttpContext.RequestAborted) is not { } stored) return NotFound();
        Stored = stored;
        Letter = new HtmlString(LetterHtmlWriter.WriteFragment(stored.Determination));
        return Page();
    }
}
