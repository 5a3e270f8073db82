namespace Collaboration.Grains.Accounts;

[GenerateSerializer]
public sealed class DevicePairingState
{
    [Id(0)] public bool Issued { get; set; }
    [Id(1)] public string Scope { get; set; } = "";
    [Id(2)] public string DeviceId { get; set; } = "";
    [Id(3)] public DateTimeOffset ExpiresAt { get; set; }
    [Id(4)] public DateTimeOffset? ClaimedAt { get; set; }
}
