using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collaboration.Web.Platform.Input;

/// <summary>Reads a JSON string through <see cref="TextInput.Clean"/>; writes it unchanged.</summary>
public sealed class TextInputConverter(TextKind kind) : JsonConverter<string>
{
    public static readonly TextInputConverter SingleLine = new(TextKind.SingleLine);
    public static readonly TextInputConverter MultiLine = new(TextKind.MultiLine);
    public static readonly TextInputConverter Verbatim = new(TextKind.Verbatim);

    public static TextInputConverter For(TextKind kind) => kind switch
    {
        TextKind.MultiLine => MultiLine,
        TextKind.Verbatim => Verbatim,
        _ => SingleLine,
    };

    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("A string is expected.");
        return TextInput.Clean(ReadString(ref reader), kind) ?? throw new TextInputException(TextInput.ControlCharacterMessage);
    }

    /// <summary>A lone surrogate escaped in JSON ("\ud800") cannot become a .NET string: the same refusal.</summary>
    private static string ReadString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new TextInputException(TextInput.ControlCharacterMessage);
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    // Dictionary keys are strings too: same policy, single line.
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TextInput.Clean(ReadString(ref reader), TextKind.SingleLine) ?? throw new TextInputException(TextInput.ControlCharacterMessage);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);
}
