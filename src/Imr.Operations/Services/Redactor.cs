using System.Text.RegularExpressions;
using Imr.Letters.Model;
using Imr.Operations.Model;

namespace Imr.Operations.Services;

/// <summary>
/// Makes the copy of a determination that is published. Removed, from the case summary and from every
/// item's treatment, guideline statements and rationale:
/// <list type="bullet">
/// <item>the employee's name → "the injured worker"; the requesting physician's → "the requesting
/// physician" (the whole name in either order, "Last, First", and the last name alone or after an
/// honorific such as "Mr." or "Dr."; a first name alone when it is capitalised);</item>
/// <item>the employer's name → "the employer"; the claims administrator's → "the claims administrator"
/// (the whole name, with or without its legal suffix such as "Inc.");</item>
/// <item>social security numbers, e-mail addresses and telephone numbers → "[redacted]".</item>
/// </list>
/// The header (case number and dates) and the reviewer's credentials stay: the published letters carry
/// them and they name no one. Names are matched as whole words, ignoring case for whole names; a
/// replacement at the start of a sentence is capitalised.
/// </summary>
public static partial class Redactor
{
    public const string EmployeeWords = "the injured worker";
    public const string EmployerWords = "the employer";
    public const string PhysicianWords = "the requesting physician";
    public const string ClaimsAdministratorWords = "the claims administrator";
    public const string Redacted = "[redacted]";

    // Words too common to remove on their own when they are part of a name ("Rose", "Young", "Hall"
    // stay unless the whole name appears); a short list, not a dictionary.
    private static readonly HashSet<string> CommonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "of", "for", "back", "neck", "pain", "care", "health", "medical", "center", "group", "services",
        "insurance", "company", "workers", "compensation", "california", "state", "county", "city", "university",
    };

    /// <summary>The published copy of <paramref name="determination"/> for the parties of
    /// <paramref name="application"/>, and how many of each kind were replaced.</summary>
    public static (Determination Redacted, ValueList<RedactionCount> Counts) Redact(Determination determination, CaseApplication application)
    {
        var rules = Rules(application);
        var counts = new Dictionary<string, int>();
        string Apply(string text)
        {
            foreach (var rule in rules)
            {
                text = rule.Pattern.Replace(text, match =>
                {
                    counts[rule.Kind] = counts.GetValueOrDefault(rule.Kind) + 1;
                    return AtSentenceStart(text, match.Index) ? char.ToUpperInvariant(rule.Replacement[0]) + rule.Replacement[1..] : rule.Replacement;
                });
            }
            return text;
        }

        var redacted = determination with
        {
            CaseSummary = Apply(determination.CaseSummary),
            Items = determination.Items.Select(i => i with
            {
                Treatment = Apply(i.Treatment),
                ClaimsAdministratorGuideline = Apply(i.ClaimsAdministratorGuideline),
                ReviewerGuideline = Apply(i.ReviewerGuideline),
                Rationale = Apply(i.Rationale),
            }).ToList(),
        };
        var summary = rules
            .DistinctBy(r => r.Kind)
            .Where(r => counts.ContainsKey(r.Kind))
            .Select(r => new RedactionCount(r.Kind, r.Replacement, counts[r.Kind]))
            .ToList();
        return (redacted, summary);
    }

    /// <param name="Tier">0 numbers and addresses (an e-mail address may hold a name), 1 whole names,
    /// 2 parts of names; within a tier the longer name goes first (an employer's name before a person's
    /// last name it contains).</param>
    /// <param name="Length">The length of the name the rule stands for.</param>
    private sealed record Rule(string Kind, string Replacement, Regex Pattern, int Tier = 1, int Length = 0);

    private static List<Rule> Rules(CaseApplication application)
    {
        List<Rule> rules =
        [
            new("social security number", Redacted, Ssn(), Tier: 0),
            new("e-mail address", Redacted, Email(), Tier: 0),
            new("telephone number", Redacted, Phone(), Tier: 0),
        ];
        AddPerson(rules, "employee", EmployeeWords, application.EmployeeName, honorifics: @"(?:Mr|Mrs|Ms|Miss|Mx)\.?");
        AddPerson(rules, "requesting physician", PhysicianWords, application.RequestingPhysician, honorifics: @"(?:Dr|Doctor)\.?");
        AddOrganisation(rules, "employer", EmployerWords, application.Employer);
        AddOrganisation(rules, "claims administrator", ClaimsAdministratorWords, application.ClaimsAdministrator);
        return [.. rules.OrderBy(r => r.Tier).ThenByDescending(r => r.Length)];
    }

    private static void AddPerson(List<Rule> rules, string kind, string replacement, string name, string honorifics)
    {
        var parts = Words(name).Where(w => !Honorific().IsMatch(w) && !Degree().IsMatch(w)).ToList();
        if (parts.Count == 0) return;
        var significant = parts.Where(p => p.Length > 1).ToList();
        var degrees = @"(?:,\s*(?:M\.?D|D\.?O|D\.?C|Ph\.?D|Psy\.?D|D\.?P\.?M|N\.?P|P\.?A\.?-?C?)\.?)*";
        var prefix = $@"(?:{honorifics}\s+)?";
        // "First M. Last", "Last, First M.", each optionally after an honorific and before degrees.
        var forward = string.Join(@"[\s.]+(?:[A-Za-z]\.?\s+)?", significant.Select(Regex.Escape));
        var length = string.Join(' ', significant).Length;
        rules.Add(new(kind, replacement, Whole(prefix + forward + degrees, ignoreCase: true), 1, length));
        if (significant.Count > 1)
        {
            var last = Regex.Escape(significant[^1]);
            var rest = string.Join(@"\s+", significant.Take(significant.Count - 1).Select(Regex.Escape));
            rules.Add(new(kind, replacement, Whole($@"{last},\s*{rest}(?:\s+[A-Za-z]\.?)?", ignoreCase: true), 1, length));
            // The last name alone, with or without an honorific, when capitalised: "Dr. Smith", "Smith".
            if (!CommonWords.Contains(significant[^1]))
                rules.Add(new(kind, replacement, Whole($@"{honorifics}\s+{last}|{last}{degrees}", ignoreCase: false), 2, significant[^1].Length));
            // A first name alone, when capitalised (reviewers write "Maria reports ...").
            if (kind == "employee" && significant[0].Length > 2 && !CommonWords.Contains(significant[0]))
                rules.Add(new(kind, replacement, Whole(Regex.Escape(significant[0]), ignoreCase: false), 2, significant[0].Length));
        }
    }

    private static void AddOrganisation(List<Rule> rules, string kind, string replacement, string name)
    {
        var collapsed = Text.Collapse(name);
        if (collapsed.Length == 0) return;
        var core = LegalSuffix().Replace(collapsed, "").Trim().TrimEnd(',').Trim();
        rules.Add(new(kind, replacement, Whole(Flexible(collapsed), ignoreCase: true), 1, collapsed.Length));
        if (core.Length > 2 && !string.Equals(core, collapsed, StringComparison.OrdinalIgnoreCase) && !CommonWords.Contains(core))
            rules.Add(new(kind, replacement, Whole(Flexible(core) + @"(?:,?\s+" + LegalSuffixWords + @")?", ignoreCase: true), 1, core.Length));
    }

    // Any run of spaces in a name matches any run of whitespace in the text.
    private static string Flexible(string text) => string.Join(@"\s+", text.Split(' ').Select(Regex.Escape));

    private static Regex Whole(string pattern, bool ignoreCase) =>
        new($@"(?<!\w)(?:{pattern})(?!\w)", RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None));

    private static IEnumerable<string> Words(string name) =>
        name.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.'));

    private static bool AtSentenceStart(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i])) i--;
        return i < 0 || text[i] is '.' or '!' or '?' or ':';
    }

    private const string LegalSuffixWords = @"(?:Inc|Incorporated|LLC|L\.L\.C|LLP|LP|Ltd|Limited|Corp|Corporation|Co|Company|PC|P\.C|PLLC)\.?";

    [GeneratedRegex(@",?\s+" + LegalSuffixWords + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LegalSuffix();

    [GeneratedRegex(@"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Doctor|Prof)$", RegexOptions.IgnoreCase)]
    private static partial Regex Honorific();

    [GeneratedRegex(@"^(?:M\.?D|D\.?O|D\.?C|Ph\.?D|Psy\.?D|DPM|NP|PA|PA-C|Jr|Sr|II|III|IV)$", RegexOptions.IgnoreCase)]
    private static partial Regex Degree();

    [GeneratedRegex(@"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)")]
    private static partial Regex Ssn();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\w/])(?:\(\d{3}\)\s?|\d{3}[-.\s])\d{3}[-.]\d{4}(?![\w/])")]
    private static partial Regex Phone();
}
