using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Collaboration.Grains.Live;
using Collaboration.Web.Live;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collaboration.Web.Tests.Platform;

/// <summary>
/// One wire format: every property name and enum value the API documents, and every live event type the grains raise,
/// is camelCase, through the one set of JSON options HTTP and the hub share.
/// </summary>
public sealed partial class WireCasingTests : IAsyncLifetime
{
    private readonly ConcertationFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex CamelCase();

    [Fact]
    public async Task Every_property_and_enum_value_in_the_OpenAPI_document_is_camelCase()
    {
        using var document = JsonDocument.Parse(await _app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var wrong = new List<string>();
        var enums = 0;

        void Walk(JsonElement node, string path)
        {
            if (node.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in node.EnumerateArray()) Walk(item, $"{path}[{i++}]");
                return;
            }
            if (node.ValueKind != JsonValueKind.Object) return;
            foreach (var member in node.EnumerateObject())
            {
                if (member.Name == "properties" && member.Value.ValueKind == JsonValueKind.Object)
                    wrong.AddRange(member.Value.EnumerateObject().Where(p => !CamelCase().IsMatch(p.Name)).Select(p => $"{path}.properties.{p.Name}"));
                if (member.Name == "enum" && member.Value.ValueKind == JsonValueKind.Array)
                {
                    enums++;
                    wrong.AddRange(member.Value.EnumerateArray()
                        .Where(v => v.ValueKind == JsonValueKind.String && !CamelCase().IsMatch(v.GetString()!)).Select(v => $"{path}.enum {v}"));
                }
                Walk(member.Value, $"{path}.{member.Name}");
            }
        }

        Walk(document.RootElement, "");

        Assert.Empty(wrong);
        Assert.True(enums > 0, "The document lists no enum values.");
        var kinds = document.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject()
            .Where(s => s.Value.TryGetProperty("enum", out _)).Select(s => s.Value.GetProperty("enum").EnumerateArray().Select(v => v.GetString()).ToList());
        Assert.Contains(kinds, values => values.SequenceEqual(["dAutray", "joliette", "lAssomption", "matawinie", "montcalm", "lesMoulins", "outsideRegion"]));
    }

    [Fact]
    public void Http_and_the_hub_share_one_set_of_options()
    {
        var http = _app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var hub = _app.Services.GetRequiredService<IOptions<JsonHubProtocolOptions>>().Value.PayloadSerializerOptions;

        Assert.Same(http, hub);
    }

    [Fact]
    public void Every_live_event_type_writes_camelCase_names_and_enum_values()
    {
        var options = _app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        // Live event types are the records of the grains' Events folders (LiveLog.Append names them by type), and the envelopes around them.
        var eventTypes = typeof(LiveEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, Namespace: { } ns } && ns.EndsWith(".Events", StringComparison.Ordinal) && !t.IsNested)
            .Append(typeof(LiveEnvelope)).Append(typeof(SubscribeResult)).ToList();
        var wrong = new List<string>();
        var seen = new HashSet<Type>();

        void Walk(Type type, string path)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (!seen.Add(type) || type == typeof(string) || type == typeof(object)) return;
            if (type.IsEnum)
            {
                foreach (var value in Enum.GetValues(type))
                {
                    var written = JsonSerializer.Serialize(value, type, options).Trim('"');
                    if (!CamelCase().IsMatch(written)) wrong.Add($"{path}: {type.Name}.{value} → {written}");
                }
                return;
            }
            var info = options.GetTypeInfo(type);
            switch (info.Kind)
            {
                case JsonTypeInfoKind.Object:
                    foreach (var property in info.Properties)
                    {
                        if (!CamelCase().IsMatch(property.Name)) wrong.Add($"{path}.{property.Name}");
                        Walk(property.PropertyType, $"{path}.{property.Name}");
                    }
                    break;
                case JsonTypeInfoKind.Enumerable:
                    Walk(info.ElementType!, path + "[]");
                    break;
                case JsonTypeInfoKind.Dictionary:
                    Walk(info.KeyType!, path + "{key}");
                    Walk(info.ElementType!, path + "{}");
                    break;
            }
        }

        foreach (var type in eventTypes) Walk(type, type.Name);

        Assert.Empty(wrong);
        Assert.Contains(eventTypes, t => t.Name == "AttendeeArrived");
        Assert.Contains(eventTypes, t => t.Name == "RegistrationReceived");
    }
}
