using System.Text.Json;
using Collaboration.Web.Platform.Input;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Collaboration.Web.Platform;

/// <summary>
/// The one JSON format of the HTTP API and the hub (returns and live events alike): camelCase properties, enums as
/// camelCase strings read strictly (<see cref="StrictEnumConverterFactory"/>), clean text in (<see cref="InputPolicy"/>).
/// One <see cref="JsonSerializerOptions"/> instance, configured here, serves both, so no channel can drift.
/// </summary>
public static class WireJson
{
    public static IServiceCollection AddWireJson(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            InputPolicy.Apply(o.SerializerOptions); // NFC, trim, no control characters, strict enums
        });
        // The hub serializes with the very instance the HTTP API uses.
        services.AddOptions<JsonHubProtocolOptions>()
            .Configure<IOptions<JsonOptions>>((hub, http) => hub.PayloadSerializerOptions = http.Value.SerializerOptions);
        return services;
    }
}
