using Collaboration.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Web.Tests.Proxy;

/// <summary>
/// Two web nodes (real Kestrel, silo co-hosted) on one PostgreSQL database, one Orleans cluster, behind Debian's nginx
/// doing plain round robin with the repository's <c>deploy/nginx/concertation.conf</c>. The public reads allow
/// <see cref="PublicReadsPerMinute"/> requests a minute per client address and per node, so a test can reach the limit.
/// Nothing is started where nginx is missing: the tests are skipped there (<see cref="NginxFactAttribute"/>).
/// </summary>
public sealed class ProxiedNodes : IAsyncLifetime
{
    public const int PublicReadsPerMinute = 3;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public ConcertationFactory A { get; private set; } = null!;

    public ConcertationFactory B { get; private set; } = null!;

    public NginxProxy Proxy { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!NginxProxy.IsInstalled) return;
        var database = await (await PostgresCluster.GetSharedAsync()).CreateDatabaseAsync("proxied_nodes").WaitAsync(Timeout);
        (string, string?) publicReads = ("RateLimiting:PublicReadsPermitsPerMinute", PublicReadsPerMinute.ToString());
        A = new ConcertationFactory(database, kestrel: true, publicReads);
        B = new ConcertationFactory(database, kestrel: true, publicReads);
        await ClusterWait.UntilHubsRegisteredAsync(A.Services.GetRequiredService<IGrainFactory>(), 2).WaitAsync(Timeout);
        Proxy = await NginxProxy.StartAsync([A.ServerAddress, B.ServerAddress]).WaitAsync(Timeout);
    }

    public async Task DisposeAsync()
    {
        if (Proxy is not null) await Proxy.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
    }
}
