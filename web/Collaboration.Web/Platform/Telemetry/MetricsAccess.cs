using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Collaboration.Web.Platform.Telemetry;

/// <summary>
/// Who may scrape <c>/metrics</c>: a direct connection (not through the reverse proxy: a request that carries
/// forwarded headers is refused, whatever address it claims) from <c>Telemetry:MetricsNetworks</c> (CIDR, comma-
/// separated or a list; loopback only by default). The figures say how busy the partnership is and which node is
/// which: never public. Prometheus scrapes each node at its own address.
/// </summary>
public sealed class MetricsAccess(IConfiguration configuration)
{
    private readonly IPNetwork[] _networks = [.. Networks(configuration).Select(IPNetwork.Parse)];

    public static IReadOnlyList<string> Networks(IConfiguration configuration) =>
        configuration.GetSection("Telemetry:MetricsNetworks").Get<string[]>()
        ?? (configuration["Telemetry:MetricsNetworks"] is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : ["127.0.0.0/8", "::1/128"]);

    public bool Allows(HttpContext context)
    {
        // UseForwardedHeaders moved the proxy's headers to X-Original-*; the connection's own address is the proxy's.
        var forwarded = context.Request.Headers.ContainsKey(ForwardedHeadersDefaults.XOriginalForHeaderName)
            || context.Request.Headers.ContainsKey(ForwardedHeadersDefaults.XForwardedForHeaderName)
            || context.Request.Headers.ContainsKey("Forwarded");
        if (forwarded) return false;
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return _networks.Any(n => n.Contains(address));
    }
}
