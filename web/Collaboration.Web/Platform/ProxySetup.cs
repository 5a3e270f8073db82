using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Collaboration.Web.Platform;

/// <summary>
/// Behind a TLS-terminating reverse proxy: X-Forwarded-For and X-Forwarded-Proto are believed only
/// from the networks in <c>Proxy:KnownNetworks</c> (CIDR, comma-separated or a list), so that the
/// rate limits count real clients and cookies are <c>Secure</c> and HSTS is sent when the client
/// spoke HTTPS. With none configured, only loopback proxies are trusted (the framework's default).
/// </summary>
public static class ProxySetup
{
    public static IServiceCollection AddProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var networks = configuration.GetSection("Proxy:KnownNetworks").Get<string[]>()
            ?? (configuration["Proxy:KnownNetworks"] ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = configuration.GetValue("Proxy:ForwardLimit", 1);
            foreach (var network in networks) o.KnownIPNetworks.Add(IPNetwork.Parse(network));
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false; // the partnership's other sites on the domain are not ours to pin
        });
        return services;
    }
}
