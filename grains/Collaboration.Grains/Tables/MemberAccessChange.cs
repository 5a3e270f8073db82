namespace Collaboration.Grains.Tables;

/// <summary>Outcome of a change to a member's access; <see cref="PreviousLinkHash"/> is the link to revoke, if any.</summary>
[GenerateSerializer, Immutable]
public sealed record MemberAccessChange(TableOutcome Outcome, string? PreviousLinkHash = null, int AccessStamp = 0);
