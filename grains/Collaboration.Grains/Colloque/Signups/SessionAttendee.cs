namespace Collaboration.Grains.Colloque;

/// <summary>One line of a session's list (organiser): who holds a seat or waits, in order.</summary>
[GenerateSerializer, Immutable]
public sealed record SessionAttendee(string Code, AttendeeCategory Category, ChoiceStatus Status, int? Position);
