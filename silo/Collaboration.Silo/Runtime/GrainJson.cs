using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collaboration.Silo.Runtime;

/// <summary>The one JSON shape for grain state and events: camelCase, enums as strings.</summary>
public static class GrainJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
