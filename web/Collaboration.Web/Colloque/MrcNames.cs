namespace Collaboration.Web.Colloque;

/// <summary>The six MRCs of Lanaudière as the API names them, with their French names; "outside" is outside the region.</summary>
public static class MrcNames
{
    public const string Outside = "outside";

    public static readonly IReadOnlyDictionary<string, string> French = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["dAutray"] = "D'Autray",
        ["joliette"] = "Joliette",
        ["lAssomption"] = "L'Assomption",
        ["matawinie"] = "Matawinie",
        ["montcalm"] = "Montcalm",
        ["lesMoulins"] = "Les Moulins",
        [Outside] = "Hors de la région",
    };

    public static bool IsKnown(string? mrc) => mrc is not null && French.ContainsKey(mrc);
}
