using System.Text;
using System.Text.RegularExpressions;
using Imr.Letters.Model;

namespace Imr.Archive.Search;

/// <summary>A full-text query with its filters. Filters on specialty, state and guideline match a
/// part of the name, case-insensitively ("pain" finds "Pain Management").</summary>
public sealed record SearchQuery(string Text)
{
    public Decision? Decision { get; init; }
    public string? Category { get; init; }
    public string? Guideline { get; init; }
    public string? Specialty { get; init; }
    public string? State { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int Limit { get; init; } = 20;
}

/// <summary>An item of a letter that matched.</summary>
public sealed record HitItem(int Ordinal, string Treatment, Decision Decision, string Category);

/// <summary>One search result: a matched item of a current letter, with its score (higher is better)
/// and a snippet of the matched text with the terms in [brackets].</summary>
public sealed record SearchHit(
    string Source,
    string? CaseNumber,
    DateOnly? DecisionDate,
    IReadOnlyList<HitItem> Items,
    Decision Decision,
    double Score,
    string Snippet);

/// <summary>
/// The user's words as a safe full-text query: words and "quoted phrases", all required. Operators
/// are not passed through, so no query can be a syntax error.
/// </summary>
public static partial class QueryTerms
{
    public static IReadOnlyList<string> Parse(string text)
    {
        var terms = new List<string>();
        foreach (Match m in Term().Matches(text))
        {
            var phrase = m.Groups["phrase"].Success ? m.Groups["phrase"].Value : m.Groups["word"].Value;
            var words = Word().Matches(phrase).Select(w => w.Value).ToList();
            if (words.Count > 0) terms.Add(string.Join(' ', words));
        }
        return terms;
    }

    /// <summary>FTS5 syntax: each term a quoted string (a phrase when it has several words).</summary>
    public static string ToFts5(IReadOnlyList<string> terms)
    {
        var builder = new StringBuilder();
        foreach (var term in terms)
        {
            if (builder.Length > 0) builder.Append(' ');
            builder.Append('"').Append(term.Replace("\"", "", StringComparison.Ordinal)).Append('"');
        }
        return builder.ToString();
    }

    /// <summary>PostgreSQL websearch syntax: words, and phrases in double quotes.</summary>
    public static string ToWebsearch(IReadOnlyList<string> terms) =>
        string.Join(' ', terms.Select(t => t.Contains(' ', StringComparison.Ordinal) ? $"\"{t}\"" : t));

    [GeneratedRegex("\"(?<phrase>[^\"]*)\"|(?<word>[^\\s\"]+)")]
    private static partial Regex Term();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
