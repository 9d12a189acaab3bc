using Imr.Archive.Search;
using Imr.Archive.Storage;
using Imr.Letters.Model;
using Imr.Treatments;
using Imr.Web.Apis;
using Imr.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Imr.Web.Pages.Archive;

/// <summary>Public search of the published, redacted determinations, with filters and snippets.</summary>
public sealed class IndexModel(IArchive archive, CorpusImportStatus import) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public Decision? Decision { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Guideline { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Specialty { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public IReadOnlyList<SearchHit>? Hits { get; private set; }

    public long Letters { get; private set; }

    public CorpusImportStatus Import => import;

    public IReadOnlyList<TreatmentCategory> Categories => TreatmentTaxonomy.Default.Categories;

    public async Task OnGetAsync()
    {
        (_, Letters) = await archive.CountAsync(HttpContext.RequestAborted);
        if (string.IsNullOrWhiteSpace(Q)) return;
        var query = new ArchiveApi.SearchParameters(Q, Decision, Category, Guideline, Specialty, State, From, To, 50).ToQuery();
        Hits = await archive.SearchAsync(query, HttpContext.RequestAborted);
    }
}
