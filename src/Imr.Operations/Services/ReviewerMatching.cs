using System.Text.Json.Serialization;
using Imr.Letters.Model;
using Imr.Operations.Model;

namespace Imr.Operations.Services;

[JsonConverter(typeof(JsonStringEnumConverter<MatchReasonKind>))]
public enum MatchReasonKind
{
    /// <summary>A specialty fits a disputed item directly.</summary>
    SpecialtyFit,

    /// <summary>A specialty is related to a disputed item.</summary>
    RelatedSpecialty,

    /// <summary>No specialty fits a disputed item.</summary>
    NoSpecialtyFit,
    Inactive,
    NoLicensure,

    /// <summary>Not more than five years in active practice.</summary>
    Experience,

    /// <summary>Less than 24 hours a week in active practice.</summary>
    PracticeHours,

    /// <summary>An affiliation with a party of the case.</summary>
    ConflictOfInterest,
}

/// <summary>One reason behind a reviewer's rank; <paramref name="Excludes"/> when it rules the reviewer out.</summary>
public sealed record MatchReason(MatchReasonKind Kind, bool Excludes, string Text);

/// <summary>A reviewer of the roster measured against a case.</summary>
/// <param name="Score">Specialty fit, 0 to 100: the mean over the disputed items of the best fit of any
/// of the reviewer's specialties (1 primary, 0.5 related).</param>
/// <param name="Included">Qualified, active and free of conflicts: may be assigned.</param>
public sealed record ReviewerMatch(ExpertReviewer Reviewer, int Score, bool Included, ValueList<MatchReason> Reasons);

/// <summary>
/// Ranks the roster for a case. A reviewer must be free of any material professional, familial or
/// financial affiliation with the employer, the employee, the providers and the claims administrator,
/// have been in active practice for more than five years and still practise at least 24 hours a week
/// (Labor Code 4610.6 and 139.5; the letters state all three). Licensure may be in any state. Among those
/// included, the better the reviewer's specialties fit the disputed treatments, the higher the rank.
/// </summary>
public static class ReviewerMatching
{
    /// <summary>Active practice must be more than this many years.</summary>
    public const int MinimumYearsExclusive = 5;

    /// <summary>Active practice must be at least this many hours a week.</summary>
    public const int MinimumWeeklyHours = 24;

    /// <summary>Every reviewer of <paramref name="roster"/>: the included first, best fit first (then more
    /// years in practice, then name); then the excluded, each with the reasons.</summary>
    public static IReadOnlyList<ReviewerMatch> Rank(ImrCase @case, IEnumerable<ExpertReviewer> roster, SpecialtyFit? fit = null) =>
        Rank(@case.Application, roster, fit);

    public static IReadOnlyList<ReviewerMatch> Rank(CaseApplication application, IEnumerable<ExpertReviewer> roster, SpecialtyFit? fit = null)
    {
        fit ??= SpecialtyFit.Default;
        var items = Items(application);
        return roster
            .Select(r => Evaluate(application, r, fit, items))
            .OrderByDescending(m => m.Included)
            .ThenByDescending(m => m.Score)
            .ThenByDescending(m => m.Reviewer.YearsInActivePractice)
            .ThenBy(m => m.Reviewer.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>One reviewer against a case.</summary>
    public static ReviewerMatch Evaluate(ImrCase @case, ExpertReviewer reviewer, SpecialtyFit? fit = null) =>
        Evaluate(@case.Application, reviewer, fit ?? SpecialtyFit.Default, Items(@case.Application));

    private static List<(string Treatment, string Category)> Items(CaseApplication application) =>
        application.Treatments.Select(t => (t.Treatment, t.Category)).ToList();

    private static ReviewerMatch Evaluate(CaseApplication application, ExpertReviewer reviewer, SpecialtyFit fit, List<(string Treatment, string Category)> items)
    {
        var reasons = new List<MatchReason>();
        if (!reviewer.Active) reasons.Add(new(MatchReasonKind.Inactive, true, "Inactive on the roster."));
        if (reviewer.LicensureStates.Count == 0) reasons.Add(new(MatchReasonKind.NoLicensure, true, "No state licensure on file."));
        if (reviewer.YearsInActivePractice <= MinimumYearsExclusive)
        {
            reasons.Add(new(MatchReasonKind.Experience, true,
                $"{reviewer.YearsInActivePractice} years in active practice; more than {MinimumYearsExclusive} are required."));
        }
        if (reviewer.WeeklyPracticeHours < MinimumWeeklyHours)
        {
            reasons.Add(new(MatchReasonKind.PracticeHours, true,
                $"{reviewer.WeeklyPracticeHours} hours a week in active practice; at least {MinimumWeeklyHours} are required."));
        }
        reasons.AddRange(Conflicts(application, reviewer));

        var total = 0.0;
        foreach (var (treatment, category) in items)
        {
            var best = reviewer.Specialties
                .Select(s => (Specialty: s, Level: fit.Fit(category, s)))
                .OrderByDescending(x => x.Level)
                .FirstOrDefault((Specialty: "", Level: FitLevel.None));
            total += SpecialtyFit.Weight(best.Level);
            reasons.Add(best.Level switch
            {
                FitLevel.Primary => new(MatchReasonKind.SpecialtyFit, false, $"{best.Specialty} fits {category}: {treatment}."),
                FitLevel.Related => new(MatchReasonKind.RelatedSpecialty, false, $"{best.Specialty} is related to {category}: {treatment}."),
                _ => new(MatchReasonKind.NoSpecialtyFit, false, $"No listed specialty fits {category}: {treatment}."),
            });
        }
        var score = items.Count == 0 ? 0 : (int)Math.Round(100 * total / items.Count, MidpointRounding.AwayFromZero);
        return new ReviewerMatch(reviewer, score, !reasons.Exists(r => r.Excludes), reasons);
    }

    /// <summary>The reviewer's affiliations that name a party of the case.</summary>
    public static IEnumerable<MatchReason> Conflicts(CaseApplication application, ExpertReviewer reviewer)
    {
        (string Role, string Name)[] parties =
        [
            ("the employer", application.Employer),
            ("the employee", application.EmployeeName),
            ("the requesting physician", application.RequestingPhysician),
            ("the claims administrator", application.ClaimsAdministrator),
        ];
        foreach (var affiliation in reviewer.Affiliations)
        {
            foreach (var (role, name) in parties)
            {
                if (PartyNames.Same(affiliation.Name, name))
                {
                    yield return new(MatchReasonKind.ConflictOfInterest, true,
                        $"Affiliated with {role} ({affiliation.Kind}: {affiliation.Name}).");
                }
            }
        }
    }
}
