using Imr.Operations.Model;
using Imr.Operations.Services;
using Imr.Treatments;
using static Imr.Tests.Operations.OperationsSamples;

namespace Imr.Tests.Operations;

public sealed class ReviewerMatchingTests
{
    private static readonly ImrCase Case = CaseAt(CaseStatus.RecordsRequested);

    private static ReviewerMatch Only(ExpertReviewer reviewer) => Assert.Single(ReviewerMatching.Rank(Case, [reviewer]));

    [Theory]
    [InlineData(AffiliationKind.Employer, "HARBOR FREIGHT LINES", "the employer")]
    [InlineData(AffiliationKind.Person, "Gonzalez, Maria", "the employee")]
    [InlineData(AffiliationKind.Person, "Alan Whitfield, M.D.", "the requesting physician")]
    [InlineData(AffiliationKind.ClaimsAdministrator, "Golden Bear Casualty Insurance Co.", "the claims administrator")]
    [InlineData(AffiliationKind.ClaimsAdministrator, "Golden Bear Casualty", "the claims administrator")]
    [InlineData(AffiliationKind.Person, "Maria Elena Gonzalez", "the employee")]
    public void An_affiliation_with_a_party_excludes_the_reviewer_and_says_which(AffiliationKind kind, string name, string party)
    {
        var reviewer = Reviewer() with { Affiliations = [new(AffiliationKind.ProviderGroup, "Unrelated Clinic"), new(kind, name)] };

        var match = Only(reviewer);

        Assert.False(match.Included);
        var conflict = Assert.Single(match.Reasons, r => r.Kind == MatchReasonKind.ConflictOfInterest);
        Assert.True(conflict.Excludes);
        Assert.Contains(party, conflict.Text);
        Assert.Contains(name, conflict.Text);
    }

    [Fact]
    public void Names_that_only_share_a_word_are_no_conflict()
    {
        var reviewer = Reviewer() with { Affiliations = [new(AffiliationKind.Employer, "Harbor Logistics"), new(AffiliationKind.Person, "Maria Lopez")] };

        Assert.True(Only(reviewer).Included);
    }

    [Theory]
    [InlineData(5, 40, MatchReasonKind.Experience)]
    [InlineData(20, 23, MatchReasonKind.PracticeHours)]
    public void Five_years_or_fewer_in_practice_or_fewer_than_24_hours_a_week_exclude_with_the_reason(int years, int hours, MatchReasonKind kind)
    {
        var match = Only(Reviewer() with { YearsInActivePractice = years, WeeklyPracticeHours = hours });

        Assert.False(match.Included);
        Assert.Equal(kind, Assert.Single(match.Reasons, r => r.Excludes).Kind);
    }

    [Fact]
    public void Six_years_and_24_hours_a_week_qualify()
    {
        Assert.True(Only(Reviewer() with { YearsInActivePractice = 6, WeeklyPracticeHours = 24 }).Included);
    }

    [Fact]
    public void An_inactive_reviewer_or_one_without_licensure_is_excluded()
    {
        Assert.Contains(Only(Reviewer() with { Active = false }).Reasons, r => r.Kind == MatchReasonKind.Inactive && r.Excludes);
        Assert.Contains(Only(Reviewer() with { LicensureStates = [] }).Reasons, r => r.Kind == MatchReasonKind.NoLicensure && r.Excludes);
    }

    [Fact]
    public void Reviewers_rank_by_specialty_fit_to_the_disputed_treatments_and_the_excluded_come_last()
    {
        // The case disputes an opioid and a lumbar epidural steroid injection.
        var physiatrist = Reviewer("Physiatrist", "Physical Medicine & Rehabilitation");
        var painManagement = Reviewer("Pain specialist", "Anesthesiology", "Pain Management") with { YearsInActivePractice = 20 };
        var familyPractice = Reviewer("Family physician", "Family Practice");
        var psychiatrist = Reviewer("Psychiatrist", "Psychiatry");
        var conflicted = Reviewer("Conflicted pain specialist", "Pain Medicine") with { Affiliations = [new(AffiliationKind.Employer, "Harbor Freight Lines")] };

        var ranked = ReviewerMatching.Rank(Case, [psychiatrist, conflicted, familyPractice, physiatrist, painManagement]);

        Assert.Equal(["Pain specialist", "Physiatrist", "Family physician", "Psychiatrist", "Conflicted pain specialist"], ranked.Select(m => m.Reviewer.Name));
        Assert.Equal([100, 100, 25, 0, 100], ranked.Select(m => m.Score));
        Assert.Equal([true, true, true, true, false], ranked.Select(m => m.Included));
        Assert.Contains(ranked[0].Reasons, r => r.Kind == MatchReasonKind.SpecialtyFit && r.Text.StartsWith("Anesthesiology fits opioids: Norco", StringComparison.Ordinal));
        Assert.Contains(ranked[3].Reasons, r => r.Kind == MatchReasonKind.NoSpecialtyFit && r.Text.Contains("epidural-injections", StringComparison.Ordinal));
    }

    [Fact]
    public void Spellings_of_a_specialty_count_as_the_specialty()
    {
        var fit = SpecialtyFit.Default;

        Assert.Equal("Pain Medicine", fit.Canonical("Pain Management"));
        Assert.Equal("Physical Medicine & Rehabilitation", fit.Canonical("physical medicine and rehabilitation"));
        Assert.Equal(FitLevel.Primary, fit.Fit("chiropractic", "Chiropractor"));
        Assert.Equal(FitLevel.None, fit.Fit("surgery", "Psychology"));
    }

    [Fact]
    public void The_specialty_map_covers_every_treatment_category_and_names_only_specialties_it_lists()
    {
        var fit = SpecialtyFit.Default;
        var missing = TreatmentTaxonomy.Default.Categories.Select(c => c.Id).Except(fit.Categories).ToList();
        Assert.Empty(missing);

        using var stream = typeof(SpecialtyFit).Assembly.GetManifestResourceStream("Imr.Operations.specialty-fit.json")!;
        using var document = System.Text.Json.JsonDocument.Parse(stream);
        var listed = document.RootElement.GetProperty("specialties").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToHashSet();
        var named = document.RootElement.GetProperty("categories").EnumerateArray()
            .SelectMany(c => c.GetProperty("primary").EnumerateArray().Concat(c.GetProperty("related").EnumerateArray()))
            .Select(s => s.GetString()!)
            .Distinct();
        Assert.DoesNotContain(named, n => !listed.Contains(n));
    }
}
