namespace Collaboration.Grains.Workshops.Events;

/// <summary>An employer changed the number of seats. Every workshop event carries the counts, which is all the public topic shows.</summary>
[GenerateSerializer, Immutable]
public sealed record RegistrationSeatsChanged(string Code, int Seats, WorkshopCounts Counts) : IWorkshopEvent;
