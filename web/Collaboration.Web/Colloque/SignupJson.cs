using System.Text.Json;
using Collaboration.Grains.Colloque;

namespace Collaboration.Web.Colloque;

/// <summary>The colloque's signup and programme values as the API spells them (lower camelCase, as the issue's <c>confirmed|waitlisted</c>).</summary>
public static class SignupJson
{
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static bool TryParseKind(string? text, out SessionKind kind)
    {
        kind = NameFolding.Fold(text) switch
        {
            "plenary" or "pleniere" => SessionKind.Plenary,
            "panel" => SessionKind.Panel,
            "atelier" or "workshop" or "breakout" => SessionKind.Atelier,
            _ => (SessionKind)(-1),
        };
        return Enum.IsDefined(kind);
    }
}
