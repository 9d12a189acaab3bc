using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Imr.Operations.Model;

/// <summary>
/// A typed identifier: a GUID that cannot be passed where another kind of id is expected. Written as the
/// GUID's canonical text ("D" format) in JSON, in SQL and in routes (<see cref="IParsable{TSelf}"/> lets
/// ASP.NET Core bind it from a route value).
/// </summary>
public interface IEntityId<TSelf> : IParsable<TSelf>
    where TSelf : struct, IEntityId<TSelf>
{
    Guid Value { get; }

    static abstract TSelf From(Guid value);
}

internal static class EntityId
{
    public static bool TryParse<T>(string? text, out T id)
        where T : struct, IEntityId<T>
    {
        if (Guid.TryParse(text, out var guid) && guid != Guid.Empty)
        {
            id = T.From(guid);
            return true;
        }
        id = default;
        return false;
    }

    public static T Parse<T>(string text)
        where T : struct, IEntityId<T> =>
        TryParse<T>(text, out var id) ? id : throw new FormatException($"'{text}' is not a {typeof(T).Name}.");
}

internal sealed class EntityIdJsonConverter<T> : JsonConverter<T>
    where T : struct, IEntityId<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        EntityId.TryParse<T>(reader.GetString(), out var id) ? id : throw new JsonException($"'{reader.GetString()}' is not a {typeof(T).Name}.");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value.ToString("D"));
}

/// <summary>Identifies an <see cref="ImrCase"/> (not its case number, which people use).</summary>
[JsonConverter(typeof(EntityIdJsonConverter<CaseId>))]
public readonly record struct CaseId(Guid Value) : IEntityId<CaseId>
{
    /// <summary>A new, time-ordered id.</summary>
    public static CaseId New() => new(Guid.CreateVersion7());

    public static CaseId From(Guid value) => new(value);

    public static CaseId Parse(string s, IFormatProvider? provider = null) => EntityId.Parse<CaseId>(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out CaseId result) => EntityId.TryParse(s, out result);

    public override string ToString() => Value.ToString("D");
}

/// <summary>Identifies a <see cref="CaseDocument"/>.</summary>
[JsonConverter(typeof(EntityIdJsonConverter<DocumentId>))]
public readonly record struct DocumentId(Guid Value) : IEntityId<DocumentId>
{
    public static DocumentId New() => new(Guid.CreateVersion7());

    public static DocumentId From(Guid value) => new(value);

    public static DocumentId Parse(string s, IFormatProvider? provider = null) => EntityId.Parse<DocumentId>(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out DocumentId result) => EntityId.TryParse(s, out result);

    public override string ToString() => Value.ToString("D");
}

/// <summary>Identifies a <see cref="User"/> of the application.</summary>
[JsonConverter(typeof(EntityIdJsonConverter<UserId>))]
public readonly record struct UserId(Guid Value) : IEntityId<UserId>
{
    public static UserId New() => new(Guid.CreateVersion7());

    public static UserId From(Guid value) => new(value);

    public static UserId Parse(string s, IFormatProvider? provider = null) => EntityId.Parse<UserId>(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out UserId result) => EntityId.TryParse(s, out result);

    public override string ToString() => Value.ToString("D");
}

/// <summary>Identifies an <see cref="ExpertReviewer"/> of the roster.</summary>
[JsonConverter(typeof(EntityIdJsonConverter<ExpertReviewerId>))]
public readonly record struct ExpertReviewerId(Guid Value) : IEntityId<ExpertReviewerId>
{
    public static ExpertReviewerId New() => new(Guid.CreateVersion7());

    public static ExpertReviewerId From(Guid value) => new(value);

    public static ExpertReviewerId Parse(string s, IFormatProvider? provider = null) => EntityId.Parse<ExpertReviewerId>(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ExpertReviewerId result) => EntityId.TryParse(s, out result);

    public override string ToString() => Value.ToString("D");
}
