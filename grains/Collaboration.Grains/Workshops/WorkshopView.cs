using Collaboration.Grains.Live;

namespace Collaboration.Grains.Workshops;

[GenerateSerializer, Immutable]
public sealed record WorkshopView(Guid Id, WorkshopDetails Details, WorkshopCounts Counts, long Version, int CalendarSequence = 0);
