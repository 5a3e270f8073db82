using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collaboration.Web.Live;

/// <summary>
/// The JSON shape of an event's data on the wire, unless a topic reshapes it: camelCase, enums as
/// camelCase strings (what the browser client has always received for events).
/// </summary>
public static class LiveJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static JsonElement ToElement(object data) => JsonSerializer.SerializeToElement(data, data.GetType(), Options);
}
