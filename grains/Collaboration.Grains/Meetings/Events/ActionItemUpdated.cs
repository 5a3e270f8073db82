namespace Collaboration.Grains.Meetings.Events;

public sealed record ActionItemUpdated(ActionItemView Item);
