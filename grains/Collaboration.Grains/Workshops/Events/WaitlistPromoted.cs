namespace Collaboration.Grains.Workshops.Events;

/// <summary>Waitlisted registrations got seats, in arrival order; each has an outbox message in the same commit. Every workshop event carries the counts, which is all the public topic shows.</summary>
[GenerateSerializer, Immutable]
public sealed record WaitlistPromoted(IReadOnlyList<string> Codes, WorkshopCounts Counts) : IWorkshopEvent;
