namespace Collaboration.Grains.Meetings.Events;

[GenerateSerializer, Immutable]
public sealed record FollowUpsAdded(IReadOnlyList<ActionItemView> Items);
