namespace Collaboration.Grains.Meetings.Events;

[GenerateSerializer, Immutable]
public sealed record DocumentRemoved(Guid DocumentId, Guid AgendaItemId);
