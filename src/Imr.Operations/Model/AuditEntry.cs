using System.Text.Json.Serialization;

namespace Imr.Operations.Model;

/// <summary>What an audited act did.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AuditAction>))]
public enum AuditAction
{
    Read,
    Create,
    Update,
    Upload,
    Assign,
    Decide,
    Qa,
    Issue,
    Withdraw,
    SignIn,
    SignInFailed,
    SignOut,

    /// <summary>A refused attempt (role or case not permitted).</summary>
    AccessDenied,
}

/// <summary>
/// One line of the audit log: who did what, when, to which case. The log is append-only: the store
/// offers no update or delete, and the database rejects both with a trigger.
/// </summary>
/// <param name="UserId">Null for acts of the library itself (seeding) or sign-in attempts under an unknown name.</param>
/// <param name="UserName">The user name at the time (kept for unknown names too).</param>
public sealed record AuditEntry(long Id, DateTimeOffset At, UserId? UserId, string UserName, AuditAction Action, CaseId? CaseId, string Detail);

/// <summary>Which audit entries to read, newest first.</summary>
public sealed record AuditQuery
{
    public CaseId? CaseId { get; init; }
    public UserId? UserId { get; init; }
    public AuditAction? Action { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public int Limit { get; init; } = 200;
}

public static class AuditActions
{
    /// <summary>The stored word: "read", "sign-in", "access-denied", ...</summary>
    public static string ToText(this AuditAction action) => action switch
    {
        AuditAction.SignIn => "sign-in",
        AuditAction.SignInFailed => "sign-in-failed",
        AuditAction.SignOut => "sign-out",
        AuditAction.AccessDenied => "access-denied",
        _ => action.ToString().ToLowerInvariant(),
    };

    public static AuditAction Parse(string text) =>
        Enum.GetValues<AuditAction>().FirstOrDefault(a => a.ToText() == text, (AuditAction)(-1)) is var action && Enum.IsDefined(action)
            ? action
            : throw new FormatException($"'{text}' is not an audit action.");
}
