namespace Collaboration.Grains.Workshops.Events;

/// <summary>An employer cancelled from their private page. Every workshop event carries the counts, which is all the public topic shows.</summary>
[GenerateSerializer, Immutable]
public sealed record RegistrationCancelled(string Code, WorkshopCounts Counts) : IWorkshopEvent;
