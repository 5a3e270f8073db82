namespace Collaboration.Grains.Workshops.Events;

/// <summary>A session was created. Every workshop event carries the counts, which is all the public topic shows.</summary>
[GenerateSerializer, Immutable]
public sealed record WorkshopCreated(WorkshopDetails Details, WorkshopCounts Counts) : IWorkshopEvent;
