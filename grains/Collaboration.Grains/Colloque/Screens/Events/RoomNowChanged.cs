namespace Collaboration.Grains.Colloque.Events;

/// <summary>A room's "now" was set (<see cref="SessionId"/> empty: a break), or given back to the timetable (<see cref="FollowsTimetable"/>).</summary>
[GenerateSerializer, Immutable]
public sealed record RoomNowChanged(string Room, Guid? SessionId, bool FollowsTimetable, DateTimeOffset At);
