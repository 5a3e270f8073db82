namespace Collaboration.Grains.Colloque;

/// <summary>
/// A request for a place. <see cref="MatchKey"/> is a hash of the email (or of name + organisation): the same key
/// again finds the same attendee.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SignupRequest(string Code, string MatchKey, AttendeeCategory Category, SignupChannel Channel, IReadOnlyList<Guid> Choices);
