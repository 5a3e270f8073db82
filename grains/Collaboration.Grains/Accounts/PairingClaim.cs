
namespace Collaboration.Grains.Accounts;

[GenerateSerializer, Immutable]
public sealed record PairingClaim(PairingStatus Status, string? Scope = null, string? DeviceId = null);
