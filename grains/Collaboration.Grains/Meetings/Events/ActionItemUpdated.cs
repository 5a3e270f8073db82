namespace Collaboration.Grains.Meetings.Events;

[GenerateSerializer, Immutable]
public sealed record ActionItemUpdated(ActionItemView Item);
