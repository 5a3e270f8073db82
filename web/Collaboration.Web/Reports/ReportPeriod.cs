using Collaboration.Grains.Platform;

namespace Collaboration.Web.Reports;

/// <summary>A report's period: from and to, both included, as dates in the region's time zone.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    public bool Contains(DateTimeOffset instant) => Contains(QuebecTime.DateOf(instant));

    public bool Contains(DateOnly date) => date >= From && date <= To;
}
