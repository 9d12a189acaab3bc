using System.Globalization;
using System.Text.Json;
using Imr.Letters;

namespace Imr.Operations.Storage;

/// <summary>
/// Reads column values the way either engine returns them: SQLite gives text for dates and moments and
/// integers for flags; PostgreSQL gives DateTime and bool. Parameters go in as .NET values (DateOnly,
/// UTC DateTimeOffset, bool), which both providers accept.
/// </summary>
internal static class DbValues
{
    public static JsonSerializerOptions Json => LetterJson.Options;

    public static string Text(object? value) => value switch
    {
        null or DBNull => throw new InvalidOperationException("Unexpected NULL."),
        string s => s,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    public static string? TextOrNull(object? value) => value is null or DBNull ? null : Text(value);

    public static long Long(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    public static int Int(object? value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);

    public static bool Bool(object? value) => value switch
    {
        bool b => b,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
    };

    public static DateOnly Date(object? value) => value switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        string s => DateOnly.ParseExact(s.Length > 10 ? s[..10] : s, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Not a date: {value}."),
    };

    public static DateOnly? DateOrNull(object? value) => value is null or DBNull ? null : Date(value);

    public static DateTimeOffset Moment(object? value) => value switch
    {
        DateTimeOffset o => o.ToUniversalTime(),
        DateTime t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)),
        string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
        _ => throw new InvalidOperationException($"Not a moment: {value}."),
    };

    public static DateTimeOffset? MomentOrNull(object? value) => value is null or DBNull ? null : Moment(value);

    public static T Enum<T>(object? value)
        where T : struct, System.Enum => System.Enum.Parse<T>(Text(value));

    public static T? EnumOrNull<T>(object? value)
        where T : struct, System.Enum => value is null or DBNull ? null : Enum<T>(value);

    public static T FromJson<T>(object? value) => JsonSerializer.Deserialize<T>(Text(value), Json)!;

    public static T? FromJsonOrNull<T>(object? value)
        where T : class => value is null or DBNull ? null : JsonSerializer.Deserialize<T>(Text(value), Json);

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static byte[] Bytes(object? value) => value as byte[] ?? throw new InvalidOperationException("Not a byte array.");
}
