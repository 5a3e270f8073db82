namespace Collaboration.Grains.Meetings.Events;

public sealed record FollowUpsAdded(IReadOnlyList<ActionItemView> Items);
