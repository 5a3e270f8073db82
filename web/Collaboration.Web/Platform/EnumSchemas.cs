using System.Text.Json.Nodes;
using Collaboration.Web.Platform.Input;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Collaboration.Web.Platform;

/// <summary>
/// Lists each enum in the OpenAPI document as a string with its values as they go over the wire ("lesMoulins"): the
/// document cannot see through <see cref="StrictEnumConverterFactory"/> on its own.
/// </summary>
public static class EnumSchemas
{
    public static Task Describe(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellation)
    {
        var declared = context.JsonTypeInfo.Type;
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        if (!type.IsEnum) return Task.CompletedTask;
        schema.Type = declared == type ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
        schema.Format = null;
        schema.Enum = [.. Enum.GetNames(type).Select(name => (JsonNode)JsonValue.Create(StrictEnumConverterFactory.WireName(name)))];
        return Task.CompletedTask;
    }
}
