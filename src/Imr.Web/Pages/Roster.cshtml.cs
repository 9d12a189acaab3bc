using Imr.Operations.Model;
using Imr.Operations.Storage;
using Imr.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;

namespace Imr.Web.Pages;

/// <summary>The expert reviewer roster with credentials: board certifications, subspecialties, licensure
/// states, years and weekly hours in practice, affiliations.</summary>
[Authorize(Policy = Policies.ReadRoster)]
public sealed class RosterModel(ICaseStore store) : StaffPageModel(store)
{
    public IReadOnlyList<ExpertReviewer> Reviewers { get; private set; } = [];

    public async Task OnGetAsync() =>
        Reviewers = (await Store.ListReviewersAsync(Actor, Cancel)).OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
}
