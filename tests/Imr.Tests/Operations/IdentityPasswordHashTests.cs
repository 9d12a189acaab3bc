using Imr.Operations.Services;

namespace Imr.Tests.Operations;

public sealed class IdentityPasswordHashTests
{
    // ASP.NET Core Identity's version 3 layout, built independently (PBKDF2 with a salt of bytes 0..15):
    // 0x01 | PRF | iterations | salt length (big-endian) | salt | subkey, base64.
    private const string Sha512Vector = "AQAAAAIAAYagAAAAEAABAgMEBQYHCAkKCwwNDg+oFLiaiMLG6BxDGWsctJZPZNMtNn+zeJ7mZZIVeWUNIQ==";
    private const string Sha256Vector = "AQAAAAEAACcQAAAAEAABAgMEBQYHCAkKCwwNDg9bclIeQ6wStLgOPaL0BdBx1zjpRIWrkddV+UR++1LpWw==";

    [Fact]
    public void Hashes_in_the_version_3_layout_verify_with_the_right_password_only()
    {
        Assert.True(IdentityPasswordHash.Verify(Sha512Vector, "imr-demo-2026"));
        Assert.True(IdentityPasswordHash.Verify(Sha256Vector, "imr-demo-2026"));
        Assert.False(IdentityPasswordHash.Verify(Sha512Vector, "imr-demo-2025"));
    }

    [Fact]
    public void A_new_hash_uses_HMAC_SHA512_with_100000_iterations_and_a_fresh_salt()
    {
        var hash = IdentityPasswordHash.Hash("secret");
        var bytes = Convert.FromBase64String(hash);

        Assert.Equal(new byte[] { 1, 0, 0, 0, 2, 0, 1, 0x86, 0xA0, 0, 0, 0, 16 }, bytes[..13]);
        Assert.Equal(13 + 16 + 32, bytes.Length);
        Assert.True(IdentityPasswordHash.Verify(hash, "secret"));
        Assert.NotEqual(hash, IdentityPasswordHash.Hash("secret"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AA==")]
    public void Anything_else_does_not_verify(string hash)
    {
        Assert.False(IdentityPasswordHash.Verify(hash, "secret"));
    }
}
