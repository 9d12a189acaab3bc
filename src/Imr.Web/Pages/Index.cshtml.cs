using Imr.Archive.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Imr.Web.Pages;

public sealed class IndexModel(IArchive archive) : PageModel
{
    public long Letters { get; private set; }

    public async Task OnGetAsync() => (_, Letters) = await archive.CountAsync(HttpContext.RequestAborted);
}
