namespace Collaboration.Web.Coordination;

/// <summary>Dates as the region lives them (America/Toronto): what "today", "overdue" and a report's period mean.</summary>
public sealed class RegionClock(TimeProvider clock)
{
    public static readonly TimeZoneInfo Zone = FindZone();

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => DateOf(clock.GetUtcNow());

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    private static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("America/Toronto"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.FindSystemTimeZoneById("Eastern Standard Time"); }
    }
}
