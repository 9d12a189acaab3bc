using Imr.Archive.Reports;
using Imr.Archive.Storage;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Imr.Web.Pages.Archive;

/// <summary>The annual report's tables with charts (the archive's report writer, inline SVG), for a period.</summary>
public sealed class ReportsModel(IArchive archive) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public IHtmlContent Report { get; private set; } = HtmlString.Empty;

    public async Task OnGetAsync() =>
        Report = new HtmlString(ReportHtmlWriter.WriteFragment(await archive.ReportAsync(new ReportQuery(From, To), HttpContext.RequestAborted)));
}
