using System.Globalization;

namespace Collaboration.Web.Colloque;

/// <summary>The colloque's times are those of Lanaudière: America/Toronto.</summary>
public static class Toronto
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");

    public static DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    public static string Time(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).ToString("HH'h'mm", CultureInfo.InvariantCulture);
}
