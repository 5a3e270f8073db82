using System.Text.Json;

namespace Collaboration.Web.Platform.Input;

/// <summary>
/// A field the input policy refuses (a control character, an undefined enum value). It is a
/// <see cref="JsonException"/>, so System.Text.Json fills in <see cref="JsonException.Path"/>
/// (the field), and <see cref="ErrorHandler"/> answers 400 naming it.
/// </summary>
public sealed class TextInputException(BilingualText reason) : JsonException(reason.En)
{
    public BilingualText Reason { get; } = reason;

    /// <summary>"$.members[0].name" → "members[0].name".</summary>
    public static string FieldOf(JsonException exception) =>
        exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : exception.Path ?? "body";
}
