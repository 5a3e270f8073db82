namespace Collaboration.Grains.Colloque;

/// <summary>A scan at a desk. <see cref="Nonce"/> is made by the desk: the same nonce again gets the first answer.</summary>
[GenerateSerializer, Immutable]
public sealed record CheckInRequest(Guid ColloqueId, string Nonce, string DeskId, string DeskName, string Operator, DateTimeOffset? ScannedAt = null);
