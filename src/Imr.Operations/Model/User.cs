using System.Text.Json.Serialization;

namespace Imr.Operations.Model;

/// <summary>What a user of the application does; see <see cref="Permissions"/> for what each may do.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Role>))]
public enum Role
{
    /// <summary>Receives applications and documents.</summary>
    Intake,

    /// <summary>Runs the case flow: eligibility, records, reviewer assignment.</summary>
    Coordinator,

    /// <summary>An expert reviewer; sees only the cases assigned to them.</summary>
    Reviewer,

    /// <summary>Quality assurance: approves or returns the reviewer's work, issues letters.</summary>
    Qa,

    /// <summary>Manages users and the roster; reads the audit log.</summary>
    Admin,
}

/// <summary>
/// A user of the application. A reviewer user is always linked to a roster entry and no other user is.
/// The password hash is whatever the web layer's hasher produced (ASP.NET Core Identity's
/// <c>PasswordHasher</c>, or <see cref="Services.IdentityPasswordHash"/>, which writes the same format).
/// </summary>
public sealed record User
{
    [JsonConstructor]
    public User(
        UserId id,
        string userName,
        string displayName,
        Role role,
        ExpertReviewerId? expertReviewerId,
        string passwordHash,
        bool active = true,
        int failedSignIns = 0,
        DateTimeOffset? lockoutUntil = null)
    {
        if (string.IsNullOrWhiteSpace(userName)) throw new ValidationException(nameof(UserName), "is required.");
        if (!Enum.IsDefined(role)) throw new ValidationException(nameof(Role), $"'{role}' is not a role.");
        if (role == Role.Reviewer && expertReviewerId is null)
            throw new ValidationException(nameof(ExpertReviewerId), "a reviewer user must be linked to a roster entry.");
        if (role != Role.Reviewer && expertReviewerId is not null)
            throw new ValidationException(nameof(ExpertReviewerId), "only a reviewer user is linked to a roster entry.");
        if (string.IsNullOrEmpty(passwordHash)) throw new ValidationException(nameof(PasswordHash), "is required.");
        Id = id;
        UserName = userName.Trim();
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? UserName : displayName.Trim();
        Role = role;
        ExpertReviewerId = expertReviewerId;
        PasswordHash = passwordHash;
        Active = active;
        FailedSignIns = failedSignIns;
        LockoutUntil = lockoutUntil;
    }

    public UserId Id { get; }

    /// <summary>The sign-in name; unique regardless of case.</summary>
    public string UserName { get; }

    public string DisplayName { get; }

    public Role Role { get; }

    /// <summary>The roster entry of a reviewer user; null for every other role.</summary>
    public ExpertReviewerId? ExpertReviewerId { get; }

    [JsonIgnore]
    public string PasswordHash { get; }

    /// <summary>An inactive user cannot sign in.</summary>
    public bool Active { get; }

    /// <summary>Failed sign-ins since the last successful one.</summary>
    public int FailedSignIns { get; }

    /// <summary>Sign-in is refused until this moment.</summary>
    public DateTimeOffset? LockoutUntil { get; }

    public bool IsLockedOut(DateTimeOffset now) => LockoutUntil is { } until && until > now;

    /// <summary>The key a user name is unique under.</summary>
    public static string NormalizeUserName(string userName) => userName.Trim().ToUpperInvariant();

    internal User AfterSignIn(bool succeeded, DateTimeOffset now) => succeeded
        ? new User(Id, UserName, DisplayName, Role, ExpertReviewerId, PasswordHash, Active)
        : FailedSignIns + 1 >= SignInPolicy.MaxFailedAttempts
            ? new User(Id, UserName, DisplayName, Role, ExpertReviewerId, PasswordHash, Active, 0, now + SignInPolicy.LockoutDuration)
            : new User(Id, UserName, DisplayName, Role, ExpertReviewerId, PasswordHash, Active, FailedSignIns + 1, LockoutUntil);

    internal User WithPasswordHash(string passwordHash) =>
        new(Id, UserName, DisplayName, Role, ExpertReviewerId, passwordHash, Active, FailedSignIns, LockoutUntil);

    internal User WithActive(bool active) =>
        new(Id, UserName, DisplayName, Role, ExpertReviewerId, PasswordHash, active, FailedSignIns, LockoutUntil);

    /// <summary>The pseudo-user the library itself acts as (demo seeding, first administrator).</summary>
    internal static User System { get; } = new(UserId.From(Guid.Empty), "system", "System", Role.Admin, null, "-");

    internal bool IsSystem => Id.Value == Guid.Empty;
}

/// <summary>A user to create; the password arrives already hashed.</summary>
public sealed record NewUser(string UserName, string DisplayName, Role Role, ExpertReviewerId? ExpertReviewerId, string PasswordHash);

/// <summary>Lockout: after <see cref="MaxFailedAttempts"/> failed sign-ins in a row, sign-in is refused for
/// <see cref="LockoutDuration"/> (the count starts again after it).</summary>
public static class SignInPolicy
{
    public const int MaxFailedAttempts = 5;

    public static TimeSpan LockoutDuration { get; } = TimeSpan.FromMinutes(15);
}

/// <summary>What a sign-in attempt came to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SignInOutcome>))]
public enum SignInOutcome
{
    Succeeded,

    /// <summary>Unknown user, inactive user or wrong password (deliberately not told apart).</summary>
    Failed,

    LockedOut,
}

/// <summary>The outcome and, when it succeeded, the user.</summary>
public sealed record SignInResult(SignInOutcome Outcome, User? User);
