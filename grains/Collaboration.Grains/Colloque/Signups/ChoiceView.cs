namespace Collaboration.Grains.Colloque;

/// <summary>A breakout choice with its waitlist position (1 = next in line), if waitlisted.</summary>
[GenerateSerializer, Immutable]
public sealed record ChoiceView(Guid SessionId, ChoiceStatus Status, int? Position);
