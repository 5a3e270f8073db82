namespace Collaboration.Grains.Colloque;

/// <summary>
/// What the public form adds to the personal fields (which carry the MRC): needs, the manage token's hash
/// (never the token), the language of the form, when the privacy notice was accepted, and the token
/// sealed by the web layer for the emails' manage link; the match key (a hash of the email) and the breakout choices.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SelfRegistration(AttendeeDetails Details, AttendeeNeeds? Needs, string TokenHash, string Language, DateTimeOffset ConsentedAt,
    string SealedToken = "", string MatchKey = "", IReadOnlyList<Guid>? Choices = null);
