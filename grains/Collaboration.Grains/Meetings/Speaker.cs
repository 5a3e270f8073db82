namespace Collaboration.Grains.Meetings;

/// <summary>Who has the floor, since when (the room's timer runs from <see cref="Since"/>).</summary>
[GenerateSerializer, Immutable]
public sealed record Speaker(Guid MemberId, string Name, DateTimeOffset Since);
