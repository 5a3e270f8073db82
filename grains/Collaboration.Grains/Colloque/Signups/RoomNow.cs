namespace Collaboration.Grains.Colloque;

/// <summary>
/// What a room's screen shows as "now" when the organiser (or a desk) set it:
/// <see cref="SessionId"/> = <see cref="Guid.Empty"/> means nothing now (a break). Rooms without
/// an entry follow the timetable.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RoomNow(string Room, Guid SessionId, DateTimeOffset SetAt);
