using Collaboration.Silo.Tests.TestGrains;
using Collaboration.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Silo.Tests.Cluster;

/// <summary>
/// Two real silos (the product's <c>AddConcertationSilo</c>, Storage:Provider=Postgres) on one
/// database of the shared PostgreSQL cluster, started together, each on its own free ports: they
/// find each other through ADO.NET membership in our schema. Shared by a test class; every test
/// uses grain keys of its own.
/// </summary>
public sealed class PostgresTwoSilos : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    public SiloTestHost A { get; private set; } = null!;

    public SiloTestHost B { get; private set; } = null!;

    /// <summary>The silo a caller number uses: even on A, odd on B.</summary>
    public SiloTestHost Silo(int caller) => caller % 2 == 0 ? A : B;

    public async Task InitializeAsync()
    {
        var database = await (await PostgresCluster.GetSharedAsync()).CreateDatabaseAsync("two_silos");
        // Both start at once: the schema migration runs under an advisory lock, so this is safe.
        var a = SiloTestHost.StartPostgresAsync(database, services => services.AddTestGrains());
        var b = SiloTestHost.StartPostgresAsync(database, services => services.AddTestGrains());
        A = await a;
        B = await b;
        foreach (var silo in new[] { A, B })
            await Poll.UntilAsync(async () => (await ActiveSilosAsync(silo)).Count == 2, StartTimeout, "each silo sees two active silos");
    }

    /// <summary>The silos <paramref name="silo"/> itself knows as active (its own membership view).</summary>
    public static Task<IReadOnlyList<SiloAddress>> ActiveSilosAsync(SiloTestHost silo) =>
        Task.FromResult<IReadOnlyList<SiloAddress>>([.. silo.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress)]);

    /// <summary>The silo's own address.</summary>
    public static SiloAddress AddressOf(SiloTestHost silo) => silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    public async Task DisposeAsync()
    {
        if (B is not null) await B.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
    }
}
