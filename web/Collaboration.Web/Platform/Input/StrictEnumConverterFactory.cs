using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collaboration.Web.Platform.Input;

/// <summary>
/// The one enum policy of the API: an enum is written by name and read only from one of its
/// defined names (any case). Numbers (<c>99</c>), numeric strings (<c>"99"</c>, <c>"-1"</c>) and
/// combinations (<c>"Cancelled, Done"</c>) are refused with a 400 naming the field, never stored.
/// </summary>
public sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class StrictEnumConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        private static readonly Dictionary<string, T> ByName =
            Enum.GetValues<T>().ToDictionary(v => v.ToString(), v => v, StringComparer.OrdinalIgnoreCase);

        private static readonly BilingualText Refusal = new(
            $"Valeur inconnue. Valeurs permises : {string.Join(", ", ByName.Keys)}.",
            $"Unknown value. Allowed values: {string.Join(", ", ByName.Keys)}.");

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && ByName.TryGetValue(reader.GetString()!.Trim(), out var value)
                ? value
                : throw new TextInputException(Refusal);

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ByName.TryGetValue(reader.GetString()!, out var value) ? value : throw new TextInputException(Refusal);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value.ToString());
    }
}
