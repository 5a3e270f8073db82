namespace Collaboration.Grains.Colloque;

/// <summary>An attendee's place and choices; <see cref="Position"/> is their place on their category's waitlist.</summary>
[GenerateSerializer, Immutable]
public sealed record SignupView(string Code, AttendeeCategory Category, PlaceStatus Status, int? Position, DateTimeOffset RegisteredAt, IReadOnlyList<ChoiceView> Choices);
