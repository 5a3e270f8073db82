using System.Net;

namespace Collaboration.Silo.Hosting;

/// <summary>
/// Configuration section "Orleans": who the cluster is and where this silo listens. Two nodes on
/// one machine differ only by their HTTP URL and these ports.
/// </summary>
public sealed class ConcertationClusterOptions
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "concertation";

    public string ServiceId { get; set; } = "concertation";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at (default loopback: one machine).</summary>
    public string AdvertisedIPAddress { get; set; } = IPAddress.Loopback.ToString();

    /// <summary>
    /// Where a new activation goes: <c>ResourceOptimized</c> (Orleans' default: the least loaded silo,
    /// with a preference for the caller's), <c>PreferLocal</c> (the silo of the node that received the
    /// request: fewer hops behind a sticky load balancer) or <c>Random</c>.
    /// </summary>
    public string Placement { get; set; } = "ResourceOptimized";
}
