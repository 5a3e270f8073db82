namespace Collaboration.Grains.Workshops.Events;

/// <summary>Someone registered (confirmed or waitlisted). Every workshop event carries the counts, which is all the public topic shows.</summary>
[GenerateSerializer, Immutable]
public sealed record RegistrationReceived(RegistrantView Registrant, WorkshopCounts Counts) : IWorkshopEvent;
