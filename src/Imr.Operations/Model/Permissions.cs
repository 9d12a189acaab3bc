using System.Text.Json.Serialization;

namespace Imr.Operations.Model;

/// <summary>Something a user may be allowed to do.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Permission>))]
public enum Permission
{
    ReadCase,
    CreateCase,

    /// <summary>Correct the application, decide eligibility, request and record records, withdraw.</summary>
    EditCase,
    AssignReviewer,

    /// <summary>Write the determination: save review work, submit it for QA.</summary>
    ReviewCase,
    QaCase,
    IssueDetermination,
    UploadDocument,
    ReadRoster,
    ManageRoster,
    ManageUsers,
    ReadAudit,
}

/// <summary>
/// Who may do what. One table, checked by the store on every call, so that no route of a web layer can
/// forget a check. A reviewer's case permissions hold only for cases assigned to them; clinical
/// decisions (<see cref="Permission.ReviewCase"/>) belong to reviewers alone.
/// </summary>
public static class Permissions
{
    private static readonly Dictionary<Permission, Role[]> Table = new()
    {
        [Permission.ReadCase] = [Role.Intake, Role.Coordinator, Role.Reviewer, Role.Qa, Role.Admin],
        [Permission.CreateCase] = [Role.Intake, Role.Coordinator, Role.Admin],
        [Permission.EditCase] = [Role.Intake, Role.Coordinator, Role.Admin],
        [Permission.AssignReviewer] = [Role.Coordinator, Role.Admin],
        [Permission.ReviewCase] = [Role.Reviewer],
        [Permission.QaCase] = [Role.Qa],
        [Permission.IssueDetermination] = [Role.Qa, Role.Coordinator],
        [Permission.UploadDocument] = [Role.Intake, Role.Coordinator, Role.Admin],
        [Permission.ReadRoster] = [Role.Coordinator, Role.Qa, Role.Admin],
        [Permission.ManageRoster] = [Role.Coordinator, Role.Admin],
        [Permission.ManageUsers] = [Role.Admin],
        [Permission.ReadAudit] = [Role.Admin],
    };

    /// <summary>Whether the role has the permission at all (for a reviewer, on their own cases).</summary>
    public static bool Allows(Role role, Permission permission) =>
        Table.TryGetValue(permission, out var roles) && roles.Contains(role);

    /// <summary>Whether <paramref name="user"/> may do <paramref name="permission"/> on
    /// <paramref name="case"/> (null for permissions not about one case); why not, when not.</summary>
    public static bool Check(User user, Permission permission, ImrCase? @case, out string reason)
    {
        reason = "";
        if (!user.Active)
        {
            reason = $"User {user.UserName} is inactive.";
            return false;
        }
        if (!Allows(user.Role, permission))
        {
            reason = $"Role {user.Role} may not {Describe(permission)}.";
            return false;
        }
        if (user.Role == Role.Reviewer && @case is not null && @case.AssignedReviewer != user.ExpertReviewerId)
        {
            reason = $"Case {@case.Number} is not assigned to reviewer {user.UserName}.";
            return false;
        }
        return true;
    }

    private static string Describe(Permission permission) => permission switch
    {
        Permission.ReadCase => "read cases",
        Permission.CreateCase => "create cases",
        Permission.EditCase => "edit cases",
        Permission.AssignReviewer => "assign reviewers",
        Permission.ReviewCase => "write review decisions",
        Permission.QaCase => "record QA",
        Permission.IssueDetermination => "issue determinations",
        Permission.UploadDocument => "upload documents",
        Permission.ReadRoster => "read the reviewer roster",
        Permission.ManageRoster => "manage the reviewer roster",
        Permission.ManageUsers => "manage users",
        Permission.ReadAudit => "read the audit log",
        _ => permission.ToString(),
    };
}
