using Imr.Letters.Model;
using Imr.Operations.Model;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Imr.Web.Infrastructure;

/// <summary>
/// The OpenAPI schemas of the types that write themselves with a JSON converter (the generator sees only
/// an object): typed ids are UUID strings, a case number a string of its pattern, a value list an array.
/// </summary>
public static class OpenApiSchemas
{
    public static async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityId<>)))
        {
            schema.Type = JsonSchemaType.String;
            schema.Format = "uuid";
        }
        else if (type == typeof(CaseNumber))
        {
            schema.Type = JsonSchemaType.String;
            schema.Pattern = "^CM[0-9]{2}-[0-9]{7}$";
            schema.Description = "An IMR case number: CM, the two-digit year, a hyphen and seven digits.";
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueList<>))
        {
            schema.Type = JsonSchemaType.Array;
            schema.Items = await context.GetOrCreateSchemaAsync(type.GetGenericArguments()[0], null, cancellationToken);
        }
    }
}
