using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Imr.Operations.Services;

/// <summary>
/// Password hashes in ASP.NET Core Identity's version 3 format, so that a hash written here (demo users)
/// verifies with the web layer's <c>PasswordHasher&lt;TUser&gt;</c> and the other way round:
/// base64 of 0x01, the PRF (2 = HMAC-SHA512), the iteration count and the salt length as big-endian
/// 32-bit numbers, the salt, then the PBKDF2 subkey. Defaults are Identity's (.NET 7 and later):
/// 100,000 iterations, 16-byte salt, 32-byte subkey.
/// </summary>
public static class IdentityPasswordHash
{
    private const byte FormatMarker = 0x01;
    private const uint HmacSha512 = 2;
    private const int Iterations = 100_000;
    private const int SaltSize = 16;
    private const int SubkeySize = 32;

    public static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var subkey = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA512, SubkeySize);
        var output = new byte[13 + SaltSize + SubkeySize];
        output[0] = FormatMarker;
        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(1), HmacSha512);
        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(5), Iterations);
        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(9), SaltSize);
        salt.CopyTo(output, 13);
        subkey.CopyTo(output, 13 + SaltSize);
        return Convert.ToBase64String(output);
    }

    /// <summary>Whether <paramref name="password"/> matches a version 3 hash (any PRF, iteration count and
    /// salt length it names); false for anything else.</summary>
    public static bool Verify(string hash, string password)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(hash);
        }
        catch (FormatException)
        {
            return false;
        }
        if (bytes.Length < 13 || bytes[0] != FormatMarker) return false;
        var prf = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1));
        var iterations = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5));
        var saltLength = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(9));
        if (saltLength < 8 || iterations < 1 || 13 + saltLength >= bytes.Length) return false;
        var algorithm = prf switch
        {
            0 => HashAlgorithmName.SHA1,
            1 => HashAlgorithmName.SHA256,
            2 => HashAlgorithmName.SHA512,
            _ => default,
        };
        if (algorithm == default) return false;
        var salt = bytes.AsSpan(13, saltLength);
        var expected = bytes.AsSpan(13 + saltLength);
        var actual = Rfc2898DeriveBytes.Pbkdf2(System.Text.Encoding.UTF8.GetBytes(password), salt, iterations, algorithm, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
