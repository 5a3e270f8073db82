using System.Globalization;

namespace Collaboration.Grains.Colloque;

/// <summary>
/// What a colloque email needs (the composer's data keys): the colloque, the day, the place told
/// and the breakouts. Times are invariant round-trip strings; breakouts one per line, tab-separated
/// (the API's input policy refuses control characters, so titles hold neither).
/// </summary>
public static class ColloqueMailData
{
    public static Dictionary<string, string> For(Guid colloqueId, string code, string sealedToken) => new()
    {
        ["colloqueId"] = colloqueId.ToString("N"),
        ["code"] = code,
        ["sealedToken"] = sealedToken,
    };

    /// <summary>Completes <paramref name="data"/> with the colloque and, when told, the place.</summary>
    public static Dictionary<string, string> Complete(Dictionary<string, string> data, ColloqueDetails colloque, PlaceNotice? notice)
    {
        data["title"] = colloque.Title;
        data["date"] = colloque.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        data["venue"] = string.Join(", ", new[] { colloque.Venue, notice?.VenueAddress }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (notice is null) return data;
        data["status"] = notice.Status.ToString();
        data["sequence"] = Math.Min(int.MaxValue, notice.ProgrammeVersion).ToString(CultureInfo.InvariantCulture);
        if (notice.Position is { } position) data["position"] = position.ToString(CultureInfo.InvariantCulture);
        else data.Remove("position");
        if (notice.DayStartsAt is { } starts && notice.DayEndsAt is { } ends)
        {
            data["startsAt"] = starts.ToString("O", CultureInfo.InvariantCulture);
            data["endsAt"] = ends.ToString("O", CultureInfo.InvariantCulture);
        }
        data["breakouts"] = string.Join("\n", notice.Breakouts.Select(b => string.Join('\t',
            b.StartsAt.ToString("O", CultureInfo.InvariantCulture), b.EndsAt.ToString("O", CultureInfo.InvariantCulture), b.Room,
            b.Status.ToString(), b.Position?.ToString(CultureInfo.InvariantCulture) ?? "", b.TitleFr, b.TitleEn)));
        return data;
    }
}
