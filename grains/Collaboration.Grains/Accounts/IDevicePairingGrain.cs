
namespace Collaboration.Grains.Accounts;

/// <summary>
/// A short pairing code an organiser shows and a device types to become, e.g., a check-in desk.
/// Keyed by the SHA-256 of the normalised code; claimable once, before it expires.
/// </summary>
[Alias("pairing-code")]
public interface IDevicePairingGrain : IGrainWithStringKey
{
    Task IssueAsync(string scope, string deviceId, DateTimeOffset expiresAt);

    Task<PairingClaim> ClaimAsync();
}
