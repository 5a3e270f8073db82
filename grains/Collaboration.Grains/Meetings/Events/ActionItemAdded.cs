namespace Collaboration.Grains.Meetings.Events;

public sealed record ActionItemAdded(ActionItemView Item);
