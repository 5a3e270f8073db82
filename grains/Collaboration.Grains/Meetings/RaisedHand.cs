namespace Collaboration.Grains.Meetings;

/// <summary>A member waiting for the floor, since when; <see cref="AddedByChair"/> when the chair added a hand raised in the room.</summary>
[GenerateSerializer, Immutable]
public sealed record RaisedHand(Guid MemberId, string Name, DateTimeOffset RaisedAt, bool AddedByChair);
