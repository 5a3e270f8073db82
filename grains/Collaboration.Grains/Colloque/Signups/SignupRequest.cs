namespace Collaboration.Grains.Colloque;

/// <summary>
/// A request for a place. <see cref="MatchKey"/> is a hash of the email (or of name + organisation): the same key
/// again finds the same attendee. <see cref="Offer"/> (public forms): when the key is registered already, its manage link is
/// mailed to the address (<see cref="SendManageLink"/>) and the answer says nothing more.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SignupRequest(string Code, string MatchKey, AttendeeCategory Category, SignupChannel Channel, IReadOnlyList<Guid> Choices,
    ManageLinkOffer? Offer = null);
