using Collaboration.Grains.Colloque;

namespace Collaboration.Web.Colloque;

/// <summary>Session kinds as organisers and spreadsheets spell them ("plénière", "workshop"…).</summary>
public static class SessionKindSpellings
{
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
