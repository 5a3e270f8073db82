namespace Collaboration.Grains.Regions;

/// <summary>What goes with each <see cref="Mrc"/>: its address code, its display names, the region's six in map order.</summary>
public static class Mrcs
{
    private static readonly Dictionary<Mrc, (string Code, string French, string English)> Names = new()
    {
        [Mrc.DAutray] = ("d-autray", "D'Autray", "D'Autray"),
        [Mrc.Joliette] = ("joliette", "Joliette", "Joliette"),
        [Mrc.LAssomption] = ("l-assomption", "L'Assomption", "L'Assomption"),
        [Mrc.Matawinie] = ("matawinie", "Matawinie", "Matawinie"),
        [Mrc.Montcalm] = ("montcalm", "Montcalm", "Montcalm"),
        [Mrc.LesMoulins] = ("les-moulins", "Les Moulins", "Les Moulins"),
        [Mrc.OutsideRegion] = ("hors-region", "Hors région", "Outside the region"),
    };

    /// <summary>The six MRCs of the region, in the order the map and the filters show them.</summary>
    public static IReadOnlyList<Mrc> Region { get; } = [Mrc.DAutray, Mrc.Joliette, Mrc.LAssomption, Mrc.Matawinie, Mrc.Montcalm, Mrc.LesMoulins];

    /// <summary>The region's six, then outside the region.</summary>
    public static IReadOnlyList<Mrc> All { get; } = [.. Region, Mrc.OutsideRegion];

    /// <summary>The address form, in URLs, query strings and message keys ("les-moulins"); JSON uses the enum's camelCase name.</summary>
    public static string Code(Mrc mrc) => Names[mrc].Code;

    /// <summary>The name people read, in French ("fr") or English.</summary>
    public static string DisplayName(Mrc mrc, string language) => language == "en" ? Names[mrc].English : Names[mrc].French;

    /// <summary>An address code ("les-moulins") or the enum's own name as JSON spells it ("lesMoulins"), any case; else null.</summary>
    public static Mrc? Parse(string? code) =>
        Names.FirstOrDefault(p => string.Equals(p.Value.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase)
            || string.Equals(p.Key.ToString(), code?.Trim(), StringComparison.OrdinalIgnoreCase)) is { Value.Code: not null } found
            ? found.Key
            : null;
}
