namespace Collaboration.Grains.Workshops.Events;

/// <summary>The organiser changed capacity or status. Every workshop event carries the counts, which is all the public topic shows.</summary>
[GenerateSerializer, Immutable]
public sealed record WorkshopUpdated(int Capacity, WorkshopStatus Status, WorkshopCounts Counts) : IWorkshopEvent;
