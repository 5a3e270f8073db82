namespace Collaboration.Grains.Colloque;

/// <summary>A room moved on: <see cref="NextSessionId"/> is what it shows now, null when no session is left (or the room is unknown).</summary>
[GenerateSerializer, Immutable]
public sealed record RoomAdvance(ProgrammeResult Result, Guid? NextSessionId);
