using Imr.Operations.Model;
using Microsoft.AspNetCore.Identity;

namespace Imr.Web.Infrastructure;

/// <summary>Password hashing with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2,
/// the version 3 format the operations store's demo users are seeded in).</summary>
public sealed class Passwords
{
    private readonly PasswordHasher<User> _hasher = new();

    // Identity's hasher takes the user for hashers that salt with it; this one does not use it.
    public string Hash(string password) => _hasher.HashPassword(null!, password);

    /// <summary>Whether the password matches; <paramref name="rehash"/> when the hash should be renewed
    /// (an older format or fewer iterations).</summary>
    public bool Verify(User user, string password, out bool rehash)
    {
        var result = _hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        rehash = result == PasswordVerificationResult.SuccessRehashNeeded;
        return result != PasswordVerificationResult.Failed;
    }
}
