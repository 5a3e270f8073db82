namespace Collaboration.Grains.Accounts;

public sealed class DevicePairingState
{
    public bool Issued { get; set; }
    public string Scope { get; set; } = "";
    public string DeviceId { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
}
