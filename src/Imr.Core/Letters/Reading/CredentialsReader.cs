using System.Text.RegularExpressions;
using Imr.Letters.Model;

namespace Imr.Letters.Reading;

/// <summary>
/// Reads the reviewer's credentials from "HOW THE IMR FINAL DETERMINATION WAS MADE", in either
/// phrasing: listed ("State(s) of Licensure: California,North Carolina" / "Certification(s)/Specialty:
/// Family Practice") or narrative ("is Board Certified in Neurology, has a subspecialty in Pain
/// Medicine and is licensed to practice in Florida.").
/// </summary>
internal static partial class CredentialsReader
{
    public static Reviewer Read(List<Line> lines, int start, int end, List<Diagnostic> diagnostics)
    {
        string? licensure = null, specialties = null;
        var listedAt = -1;
        for (var i = start; i < end; i++)
        {
            var text = lines[i].Text;
            if (LicensureLabel().Match(text) is { Success: true } l)
            {
                licensure = ContinuedValue(lines, i, end, text[l.Length..]);
                listedAt = listedAt < 0 ? i : listedAt;
            }
            else if (SpecialtyLabel().Match(text) is { Success: true } s)
            {
                specialties = ContinuedValue(lines, i, end, text[s.Length..]);
                listedAt = listedAt < 0 ? i : listedAt;
            }
        }
        if (listedAt >= 0)
        {
            return new Reviewer(SplitList(licensure), SplitList(specialties)) { Phrasing = CredentialPhrasing.Listed };
        }

        var paragraph = Paragraph.Join(lines, start, end);
        var narrative = Narrative().Match(paragraph);
        if (!narrative.Success)
        {
            diagnostics.Add(new Diagnostic(start < lines.Count ? lines[start].Number : 0, "the reviewer's credentials are not stated in a recognised form"));
            return Reviewer.Unknown;
        }
        var certified = narrative.Groups["cert"].Value.Trim();
        var sub = narrative.Groups["sub"].Success ? narrative.Groups["sub"].Value.Trim() : null;
        var states = StateSeparator().Split(narrative.Groups["states"].Value).Select(s => s.Trim()).Where(s => s.Length > 0);
        return new Reviewer(new(states), sub is null ? [certified] : [certified, sub])
        {
            Subspecialties = sub is null ? [] : [sub],
            Phrasing = CredentialPhrasing.Narrative,
        };
    }

    // A listed value may wrap onto following lines until the next label or paragraph.
    private static string ContinuedValue(List<Line> lines, int index, int end, string first)
    {
        var value = first;
        for (var j = index + 1; j < end && !lines[j].ParagraphBefore; j++)
        {
            var next = lines[j].Text;
            if (LicensureLabel().IsMatch(next) || SpecialtyLabel().IsMatch(next)) break;
            value += (value.EndsWith(',') ? "" : " ") + next;
        }
        return value;
    }

    private static ValueList<string> SplitList(string? value) =>
        value is null ? [] : new(value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Paragraph.Normalize));

    [GeneratedRegex(@"^State\(s\)\s*of\s*Licensure\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex LicensureLabel();

    [GeneratedRegex(@"^Certification\(s\)\s*/\s*Specialt(?:y|ies)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex SpecialtyLabel();

    [GeneratedRegex(@"Board[ -]Certified in (?<cert>.+?)(?:,? (?:and )?has (?:a )?sub-?specialt(?:y|ies) in (?<sub>.+?))?,? and is licensed to practice in (?:the states? of )?(?<states>.+?)\.(?:\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Narrative();

    [GeneratedRegex(@",\s*(?:and\s+)?|\s+and\s+")]
    private static partial Regex StateSeparator();
}
