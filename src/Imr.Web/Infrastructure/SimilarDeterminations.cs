using System.Text.RegularExpressions;
using Imr.Archive.Search;
using Imr.Archive.Storage;
using Imr.Operations.Model;

namespace Imr.Web.Infrastructure;

/// <summary>
/// The past determinations most like a disputed item, from the public archive: the treatment's words
/// (doses, counts and filler left out) within its treatment category, all words first, then fewer until
/// something matches.
/// </summary>
public sealed partial class SimilarDeterminations(IArchive archive)
{
    private static readonly HashSet<string> Filler = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "for", "the", "with", "per", "each", "times", "week", "weeks", "weekly", "month", "months", "day", "days",
        "session", "sessions", "visit", "visits", "left", "right", "bilateral", "quantity", "qty", "unknown", "request",
        "requested", "tablet", "tablets", "tab", "tabs", "cap", "caps", "mcg", "units", "refill", "refills", "retro", "retrospective",
    };

    public async Task<IReadOnlyList<SearchHit>> ForAsync(DisputedTreatment treatment, int limit = 5, CancellationToken cancellationToken = default)
    {
        var words = Words().Matches(treatment.Treatment).Select(m => m.Value).Where(w => !Filler.Contains(w)).Distinct(StringComparer.OrdinalIgnoreCase).Take(6).ToList();
        for (var count = words.Count; count > 0; count--)
        {
            var hits = await archive.SearchAsync(new SearchQuery(string.Join(' ', words.Take(count))) { Category = treatment.Category, Limit = limit }, cancellationToken);
            if (hits.Count > 0) return hits;
        }
        return [];
    }

    [GeneratedRegex(@"\p{L}{3,}")]
    private static partial Regex Words();
}
