using Collaboration.Grains.Accounts;

namespace Collaboration.Web.Accounts;

/// <summary>Short device pairing codes that expire (a check-in desk pairs by typing one).</summary>
public sealed class PairingCodes(IGrainFactory grains, TimeProvider clock)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(15);

    public async Task<(string Code, DateTimeOffset ExpiresAt)> IssueAsync(string scope, string deviceId, TimeSpan? lifetime = null)
    {
        var code = SecretTokens.NewShortCode();
        var expiresAt = clock.GetUtcNow() + (lifetime ?? DefaultLifetime);
        await grains.GetGrain<IDevicePairingGrain>(SecretTokens.Hash(SecretTokens.NormalizeCode(code)))
            .IssueAsync(scope, deviceId, expiresAt);
        return (code, expiresAt);
    }

    public Task<PairingClaim> ClaimAsync(string code)
    {
        var normalized = SecretTokens.NormalizeCode(code ?? "");
        return normalized.Length is < 6 or > 16
            ? Task.FromResult(new PairingClaim(PairingStatus.Unknown))
            : grains.GetGrain<IDevicePairingGrain>(SecretTokens.Hash(normalized)).ClaimAsync();
    }
}
