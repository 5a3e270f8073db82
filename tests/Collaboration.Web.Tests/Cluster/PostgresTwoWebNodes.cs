using Collaboration.Testing;
using Collaboration.Web.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Web.Tests.Cluster;

/// <summary>
/// Two web nodes (real Kestrel, silo co-hosted) on one database of the shared PostgreSQL cluster,
/// forming one Orleans cluster, both hubs registered.
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
    }

    /// <summary>
    /// A fresh note grain, wherever placement put it, with the other node as the far end; once one
    /// of its events was seen reaching the other node's hub (see <see cref="LiveWarmUp"/>).
    /// </summary>
    public async Task<NoteAcrossNodes> NoteAcrossNodesAsync(string prefix)
    {
        var key = $"{prefix}-{Guid.NewGuid():N}";
        var note = GrainsOfA.GetGrain<INoteGrain>(key);
        await note.GetAsync().WaitAsync(Timeout);
        var silo = await GrainsOfA.GetGrain<IManagementGrain>(0).GetActivationAddress(note).AsTask().WaitAsync(Timeout);
        var (host, other) = silo is null ? throw new InvalidOperationException($"The note grain {key} is not activated.")
            : silo.Equals(SiloOf(A)) ? (A, B) : silo.Equals(SiloOf(B)) ? (B, A)
            : throw new InvalidOperationException($"The note grain is on {silo}, neither node's silo.");
        var placed = new NoteAcrossNodes(key, host, other, 0);
        await LiveWarmUp.UntilDeliveredAsync(HubOf(other), Cookie, placed.Topic, () => placed.Grain.AddAsync("échauffement"));
        return placed with { Version = (await placed.Grain.GetAsync().WaitAsync(Timeout)).Version };
    }

    private static SiloAddress SiloOf(ConcertationFactory node) => node.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    public async Task DisposeAsync()
    {
        if (B is not null) await B.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
    }
}
