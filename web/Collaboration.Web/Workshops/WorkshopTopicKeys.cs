using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collaboration.Web.Workshops;

public static class WorkshopTopicKeys
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Grain keys of sessions are Guids in "D" form, lower case.</summary>
    public static bool IsSessionKey(string key) => Guid.TryParseExact(key, "D", out var id) && id.ToString("D") == key;
}
