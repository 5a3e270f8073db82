namespace Collaboration.Grains.Meetings.Events;

[GenerateSerializer, Immutable]
public sealed record ActionItemAdded(ActionItemView Item);
