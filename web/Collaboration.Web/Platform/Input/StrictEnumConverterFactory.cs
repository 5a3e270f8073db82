using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collaboration.Web.Platform.Input;

/// <summary>
/// The one enum policy of the API and the hub: an enum is written as its camelCase name
/// (<c>"lesMoulins"</c>) and read only from one of its defined names (any case, so
/// <c>"LesMoulins"</c> too). Numbers (<c>99</c>), numeric strings (<c>"99"</c>, <c>"-1"</c>) and
/// combinations (<c>"Cancelled, Done"</c>) are refused with a 400 naming the field, never stored.
/// </summary>
public sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;

    /// <summary>An enum member's name on the wire ("LesMoulins" → "lesMoulins"); the OpenAPI document lists the same.</summary>
    public static string WireName(string member) => JsonNamingPolicy.CamelCase.ConvertName(member);

    private sealed class StrictEnumConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        private static readonly Dictionary<T, string> Names = Enum.GetValues<T>().ToDictionary(v => v, v => WireName(v.ToString()));

        private static readonly Dictionary<string, T> ByName = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

        private static readonly BilingualText Refusal = new(
            $"Valeur inconnue. Valeurs permises : {string.Join(", ", ByName.Keys)}.",
            $"Unknown value. Allowed values: {string.Join(", ", ByName.Keys)}.");

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && ByName.TryGetValue(reader.GetString()!.Trim(), out var value)
                ? value
                : throw new TextInputException(Refusal);

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Names[value]);

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ByName.TryGetValue(reader.GetString()!, out var value) ? value : throw new TextInputException(Refusal);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WritePropertyName(Names[value]);
    }
}
