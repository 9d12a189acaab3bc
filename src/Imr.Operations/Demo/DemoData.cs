using Imr.Letters.Model;
using Imr.Operations.Model;
using Imr.Operations.Services;
using Imr.Operations.Storage;

namespace Imr.Operations.Demo;

/// <summary>
/// Demo users, one or more per role, and a roster of twelve expert reviewers, for a demonstration
/// instance. Idempotent: a user or reviewer that exists already (by user name, by id) is left as it is.
/// Every demo user signs in with <see cref="Password"/>:
/// <list type="table">
/// <item><term>intake</term><description>Intake</description></item>
/// <item><term>coordinator</term><description>Coordinator</description></item>
/// <item><term>reviewer</term><description>Reviewer, linked to the roster's Dr. Elena Marsh (Physical Medicine &amp; Rehabilitation, Pain Medicine)</description></item>
/// <item><term>reviewer2</term><description>Reviewer, linked to Dr. Samuel Okafor (Orthopedic Surgery)</description></item>
/// <item><term>qa</term><description>Qa</description></item>
/// <item><term>admin</term><description>Admin</description></item>
/// </list>
/// The people and organisations are invented.
/// </summary>
public static class DemoData
{
    /// <summary>The password of every demo user. For demonstrations only.</summary>
    public const string Password = "imr-demo-2026";

    /// <summary>The demo user names, in role order.</summary>
    public static IReadOnlyList<string> UserNames { get; } = ["intake", "coordinator", "reviewer", "reviewer2", "qa", "admin"];

    /// <summary>Seeds the users and the roster; returns how many of each were added this time.</summary>
    /// <param name="hashPassword">The web layer's hasher; by default <see cref="IdentityPasswordHash.Hash"/>,
    /// which ASP.NET Core Identity's <c>PasswordHasher</c> verifies.</param>
    public static async Task<(int Users, int Reviewers)> SeedAsync(ICaseStore store, Func<string, string>? hashPassword = null, CancellationToken cancellationToken = default)
    {
        hashPassword ??= IdentityPasswordHash.Hash;
        var existing = (await store.ListReviewersAsync(User.System, cancellationToken).ConfigureAwait(false)).Select(r => r.Id).ToHashSet();
        var reviewersAdded = 0;
        foreach (var reviewer in Roster.Where(r => !existing.Contains(r.Id)))
        {
            await store.SaveReviewerAsync(User.System, reviewer, cancellationToken).ConfigureAwait(false);
            reviewersAdded++;
        }

        (string Name, string Display, Role Role, ExpertReviewerId? Reviewer)[] users =
        [
            ("intake", "Ivy Intake", Role.Intake, null),
            ("coordinator", "Carmen Coordinator", Role.Coordinator, null),
            ("reviewer", "Dr. Elena Marsh", Role.Reviewer, Marsh),
            ("reviewer2", "Dr. Samuel Okafor", Role.Reviewer, Okafor),
            ("qa", "Quinn Quality", Role.Qa, null),
            ("admin", "Ada Admin", Role.Admin, null),
        ];
        var usersAdded = 0;
        foreach (var (name, display, role, reviewer) in users)
        {
            if (await store.FindUserAsync(name, cancellationToken).ConfigureAwait(false) is not null) continue;
            await store.CreateUserAsync(User.System, new NewUser(name, display, role, reviewer, hashPassword(Password)), cancellationToken).ConfigureAwait(false);
            usersAdded++;
        }
        return (usersAdded, reviewersAdded);
    }

    // Fixed ids, so that seeding twice finds its own entries.
    internal static readonly ExpertReviewerId Marsh = Id("0b1f6c0e-6d7a-4c1e-9a51-000000000001");
    internal static readonly ExpertReviewerId Okafor = Id("0b1f6c0e-6d7a-4c1e-9a51-000000000002");

    private static ExpertReviewerId Id(string guid) => ExpertReviewerId.From(Guid.Parse(guid));

    private static Affiliation Employer(string name) => new(AffiliationKind.Employer, name);

    private static Affiliation Carrier(string name) => new(AffiliationKind.ClaimsAdministrator, name);

    private static Affiliation Group(string name) => new(AffiliationKind.ProviderGroup, name);

    private static Affiliation Person(string name) => new(AffiliationKind.Person, name);

    /// <summary>The demo roster: common IMR specialties, licensure in several states, and a few entries
    /// that matching must exclude (too few years, too few hours, inactive).</summary>
    public static IReadOnlyList<ExpertReviewer> Roster { get; } =
    [
        new()
        {
            Id = Marsh, Name = "Elena Marsh, MD",
            BoardCertifications = ["Physical Medicine & Rehabilitation"], Subspecialties = ["Pain Medicine"],
            LicensureStates = ["California", "Oregon"], YearsInActivePractice = 14, WeeklyPracticeHours = 32,
            Affiliations = [Group("Pacific Spine & Rehabilitation Medical Group"), Carrier("Golden Bear Casualty Insurance Company")],
        },
        new()
        {
            Id = Okafor, Name = "Samuel Okafor, MD",
            BoardCertifications = ["Orthopedic Surgery"], Subspecialties = ["Sports Medicine"],
            LicensureStates = ["Texas", "California"], YearsInActivePractice = 19, WeeklyPracticeHours = 40,
            Affiliations = [Group("Lone Star Orthopedic Associates"), Employer("Harbor Freight Lines, Inc.")],
        },
        new()
        {
            Id = Id("0b1f6c0e-6d7a-4c1e-9a51-000000000003"), Name = "Priya Raman, MD",
            BoardCertifications = ["Anesthesiology"], Subspecialties = ["Pain Medicine"],
            LicensureStates = ["New York", "New Jersey"], YearsInActivePractice = 11, WeeklyPracticeHours = 36,
            Affiliations = [Group("Hudson Valley Pain Consultants")],
        },
        new()
        {
            Id = Id("0b1f6c0e-6d7a-4c1e-9a51-000000000004"), Name = "Thomas Whitfield, MD",
            BoardCertifications = ["Family Practice"],
            LicensureStates = ["North Carolina", "California"], YearsInActivePractice = 22, WeeklyPracticeHours = 30,
            Affiliations = [Person("Dr. Alan Whitfield"), Carrier("Summit Claims Services")],
        },
        new()
        {
            Id = Id("0b1f6c0e-6d7a-4c1e-9a51-000000000005"), Name = "Grace Liu, MD",
            BoardCertifications = ["Internal Medicine"],
            LicensureStates = ["California"], YearsInActivePractice = 9, WeeklyPracticeHours = 28,
            Affiliations = [Group("Bay Area Internal Medicine Partners")],
        },
        new()
        {
            Id = Id("0b1f6c0e-6d7a-4c1e-9a51-000000000006"), Name = "David Adeyemi, MD",
            BoardCertifications = ["Psychiatry"],
            LicensureStates = ["Florida", "Georgia"], YearsInActivePractice = 16, WeeklyPracticeHours = 35,
            Affiliations = [Group("Sunshine Behavioral Health")],
        },
        new()
        {
            Id = Id("0b1f6c0e-6d7a-4c1e-9a51-000000000007"), Name = "Rachel Stein, PhD",
            BoardCertifications = ["Psychology"],
            LicensureStates = ["California"], YearsInActivePractice = 12, WeeklyPracticeHours = 26,
            Affiliations = [Employer("Central Valley Packing Co.")],
        },
        new()
        {
            Id = Id("0b1f6c0e-6d7a-4c1e-9a51-000000000008"), Name = "Marco Delgado, DC",
            BoardCertifications = ["Chiropractic"],
            LicensureStates = ["Arizona", "California"], YearsInActivePractice = 18, WeeklyPracticeHours = 38,
            Affiliations = [Group("Desert Chiropractic Center")],
        },
        new()
        {
            Id = Id("0b1f6c0e-6d7a-4c1e-9a51-000000000009"), Name = "Hannah Fischer, MD",
            BoardCertifications = ["Neurology"], Subspecialties = ["Neuromuscular Medicine"],
            LicensureStates = ["Ohio", "Pennsylvania"], YearsInActivePractice = 13, WeeklyPracticeHours = 32,
            Affiliations = [Group("Great Lakes Neurology Institute")],
        },
        new()
        {
            Id = Id("0b1f6c0e-6d7a-4c1e-9a51-000000000010"), Name = "Robert Nakamura, MD",
            BoardCertifications = ["Preventive Medicine"], Subspecialties = ["Occupational Medicine"],
            LicensureStates = ["Washington", "California"], YearsInActivePractice = 25, WeeklyPracticeHours = 24,
            Affiliations = [Employer("Cascade Logistics LLC"), Carrier("Evergreen Risk Management")],
        },
        // Excluded by matching: four years in practice.
        new()
        {
            Id = Id("0b1f6c0e-6d7a-4c1e-9a51-000000000011"), Name = "Lauren Brooks, MD",
            BoardCertifications = ["Physical Medicine & Rehabilitation"],
            LicensureStates = ["Virginia"], YearsInActivePractice = 4, WeeklyPracticeHours = 40,
        },
        // Excluded by matching: sixteen hours a week (semi-retired).
        new()
        {
            Id = Id("0b1f6c0e-6d7a-4c1e-9a51-000000000012"), Name = "Walter Greene, MD",
            BoardCertifications = ["Orthopedic Surgery"],
            LicensureStates = ["Montana", "California"], YearsInActivePractice = 35, WeeklyPracticeHours = 16,
        },
    ];
}
