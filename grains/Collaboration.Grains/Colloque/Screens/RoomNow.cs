namespace Collaboration.Grains.Colloque;

/// <summary>
/// What a room's screen shows as "now" when the organiser (or a desk) set it:
/// <see cref="SessionId"/> = <see cref="Guid.Empty"/> means nothing now (a break). Rooms without
/// an entry follow the timetable. <see cref="LastShown"/>: during a break, the session shown
/// before it, so "next" after the break goes on from there.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RoomNow(string Room, Guid SessionId, DateTimeOffset SetAt, Guid? LastShown = null);
