using Imr.Operations.Model;
using Microsoft.AspNetCore.Authorization;

namespace Imr.Web.Infrastructure;

/// <summary>
/// The authorization policies: one per role (<c>role:Admin</c>) and one per permission of the
/// operations library's <see cref="Permissions"/> table (<c>can:CreateCase</c>), so that a page and the
/// store agree on who may do what. The policies keep people out of pages and routes; the store still
/// checks every call, per case (a reviewer reaches only the cases assigned to them).
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in member of staff.</summary>
    public const string Staff = "staff";

    public const string Intake = "role:" + nameof(Role.Intake);
    public const string Coordinator = "role:" + nameof(Role.Coordinator);
    public const string Reviewer = "role:" + nameof(Role.Reviewer);
    public const string Qa = "role:" + nameof(Role.Qa);
    public const string Admin = "role:" + nameof(Role.Admin);

    public const string ReadCase = Prefix + nameof(Permission.ReadCase);
    public const string CreateCase = Prefix + nameof(Permission.CreateCase);
    public const string EditCase = Prefix + nameof(Permission.EditCase);
    public const string AssignReviewer = Prefix + nameof(Permission.AssignReviewer);
    public const string ReviewCase = Prefix + nameof(Permission.ReviewCase);
    public const string QaCase = Prefix + nameof(Permission.QaCase);
    public const string IssueDetermination = Prefix + nameof(Permission.IssueDetermination);
    public const string UploadDocument = Prefix + nameof(Permission.UploadDocument);
    public const string ReadRoster = Prefix + nameof(Permission.ReadRoster);
    public const string ManageRoster = Prefix + nameof(Permission.ManageRoster);
    public const string ManageUsers = Prefix + nameof(Permission.ManageUsers);
    public const string ReadAudit = Prefix + nameof(Permission.ReadAudit);

    private const string Prefix = "can:";

    /// <summary>The policy of a permission.</summary>
    public static string For(Permission permission) => Prefix + permission;

    /// <summary>The policy of a role.</summary>
    public static string For(Role role) => "role:" + role;

    public static void Add(AuthorizationOptions options)
    {
        var roles = Enum.GetValues<Role>();
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireRole(roles.Select(r => r.ToString())));
        foreach (var role in roles)
            options.AddPolicy(For(role), p => p.RequireAuthenticatedUser().RequireRole(role.ToString()));
        foreach (var permission in Enum.GetValues<Permission>())
        {
            var allowed = roles.Where(r => Permissions.Allows(r, permission)).Select(r => r.ToString()).ToList();
            options.AddPolicy(For(permission), p => p.RequireAuthenticatedUser().RequireRole(allowed));
        }
    }
}
