using Collaboration.Testing;
using Collaboration.Web.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Web.Tests.Cluster;

/// <summary>
/// Two web nodes (real Kestrel, silo co-hosted) on one database of the shared PostgreSQL cluster,
/// forming one Orleans cluster, both hubs registered and node A's relay delivering to node B.
/// Shared by a test class; each test uses topic keys of its own.
/// </summary>
public sealed class PostgresTwoWebNodes : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public ConcertationFactory A { get; private set; } = null!;

    public ConcertationFactory B { get; private set; } = null!;

    /// <summary>An organiser's auth cookie (valid on both nodes: the key ring is in PostgreSQL).</summary>
    public string Cookie { get; private set; } = null!;

    public IGrainFactory GrainsOfA => A.Services.GetRequiredService<IGrainFactory>();

    public string HubOf(ConcertationFactory node) => new Uri(node.ServerAddress, "/hubs/live").ToString();

    public async Task InitializeAsync()
    {
        var database = await (await PostgresCluster.GetSharedAsync()).CreateDatabaseAsync("live_nodes");
        A = new ConcertationFactory(database, kestrel: true);
        B = new ConcertationFactory(database, kestrel: true);
        Cookie = await A.SignInCookieAsync().WaitAsync(Timeout);
        await ClusterWait.UntilHubsRegisteredAsync(GrainsOfA, 2).WaitAsync(Timeout);
        var warmUp = await NoteHostedByAAsync("warm-up");
        await LiveWarmUp.UntilDeliveredAsync(HubOf(B), Cookie, $"test-note:{warmUp}", () => GrainsOfA.GetGrain<INoteGrain>(warmUp).AddAsync("échauffement"));
    }

    /// <summary>
    /// A fresh note key whose grain is activated on node A's silo (so its events cross to node B
    /// through the relay, not through B's local hub).
    /// </summary>
    public async Task<string> NoteHostedByAAsync(string prefix)
    {
        var silo = A.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var management = GrainsOfA.GetGrain<IManagementGrain>(0);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var key = $"{prefix}-{Guid.NewGuid():N}";
            var note = GrainsOfA.GetGrain<INoteGrain>(key);
            await note.GetAsync().WaitAsync(Timeout);
            if (silo.Equals(await management.GetActivationAddress(note).AsTask().WaitAsync(Timeout))) return key;
        }
        throw new InvalidOperationException("None of 20 note grains called through node A was placed on node A.");
    }

    public async Task DisposeAsync()
    {
        if (B is not null) await B.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
    }
}
