using Collaboration.Grains.Workshops;
using Collaboration.Silo.Tests.TestGrains;
using Collaboration.Testing;

namespace Collaboration.Silo.Tests.Cluster;

/// <summary>Two silos on one PostgreSQL, real ADO.NET membership: one cluster, one activation per grain.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresTwoSiloClusterTests(PostgresTwoSilos cluster) : IClassFixture<PostgresTwoSilos>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TwoSilosOnOnePostgres_SeeEachOtherAsActive()
    {
        // Arrange: the fixture started both silos on one database.
        var expected = new[] { PostgresTwoSilos.AddressOf(cluster.A), PostgresTwoSilos.AddressOf(cluster.B) }.Order().ToList();

        // Act
        var seenByA = await PostgresTwoSilos.ActiveSilosAsync(cluster.A);
        var seenByB = await PostgresTwoSilos.ActiveSilosAsync(cluster.B);
        var hosts = await cluster.B.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(Timeout);

        // Assert
        Assert.Equal(expected, seenByA.Order());
        Assert.Equal(expected, seenByB.Order());
        Assert.Equal(expected, hosts.Keys.Order());
        Assert.All(hosts.Values, status => Assert.Equal(SiloStatus.Active, status));
    }

    [Fact]
    public async Task ThousandConcurrentIncrements_SplitAcrossTwoSilos_EndAtExactlyOneThousand_EachValueOnce_OneActivation()
    {
        // Arrange
        const int increments = 1000;
        const string key = "hot-counter";

        // Act: 1,000 increments at once, half through silo A, half through silo B.
        var results = await Task.WhenAll(Enumerable.Range(0, increments).Select(caller =>
            Task.Run(() => cluster.Silo(caller).Grains.GetGrain<ICounterGrain>(key).IncrementAsync()))).WaitAsync(Timeout);

        // Assert: every value handed out once, by one activation; both silos read 1,000 from it.
        Assert.Equal(Enumerable.Range(1, increments).Select(v => (long)v), results.Select(r => r.Value).Order());
        var activation = Assert.Single(results.Select(r => r.Activation).Distinct());
        var fromA = await cluster.A.Grains.GetGrain<ICounterGrain>(key).GetAsync().WaitAsync(Timeout);
        var fromB = await cluster.B.Grains.GetGrain<ICounterGrain>(key).GetAsync().WaitAsync(Timeout);
        Assert.Equal(increments, fromA.Value);
        Assert.Equal(fromA, fromB);
        Assert.Equal(activation, fromA.Activation);
        var grainId = cluster.A.Grains.GetGrain<ICounterGrain>(key).GetGrainId();
        var statistics = await cluster.A.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics().WaitAsync(Timeout);
        var activations = statistics.Where(s => s.GrainId == grainId).ToList();
        Assert.Equal(fromA.Silo, Assert.Single(activations).SiloAddress);
    }

    [Fact]
    public async Task FiveHundredConcurrentOneSeatRegistrations_SplitAcrossTwoSilos_Confirm30_Waitlist470_ZeroErrors()
    {
        // Arrange: a 30-seat session open for registration.
        var session = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var details = new WorkshopDetails("Atelier très demandé", "Popular workshop", "Atelier", "Workshop",
            now.AddDays(7), now.AddDays(7).AddHours(2), "Joliette", null, now.AddDays(-1), now.AddDays(6));
        Assert.Equal(WorkshopCreation.Created,
            await cluster.A.Grains.GetGrain<IWorkshopSessionGrain>(session).CreateAsync(details, capacity: 30).WaitAsync(Timeout));

        // Act: 500 employers register one seat each at once, alternately through silo A and silo B.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 500).Select(i => Task.Run(() =>
            cluster.Silo(i).Grains.GetGrain<IWorkshopSessionGrain>(session).RegisterAsync(new RegistrationRequest(
                $"CODE{i:D4}", $"hash-{i}", $"Entreprise n° {i}", "Mélanie Côté", $"employeur{i}@exemple.qc.ca",
                null, Seats: 1, "Alimentation", Consent: true))))).WaitAsync(Timeout);

        // Assert: no error, no refusal; exactly 30 confirmed and 470 waitlisted in arrival order, as each caller was told.
        Assert.All(outcomes, o => Assert.Equal(RegistrationResult.Ok, o.Result));
        Assert.Equal(30, outcomes.Count(o => o.Registration!.Status == RegistrationStatus.Confirmed));
        Assert.Equal(470, outcomes.Count(o => o.Registration!.Status == RegistrationStatus.Waitlisted));
        var registrants = await cluster.B.Grains.GetGrain<IWorkshopSessionGrain>(session).GetRegistrantsAsync().WaitAsync(Timeout);
        Assert.Equal(500, registrants.Select(r => r.Code).Distinct().Count());
        Assert.Equal(30, registrants.Count(r => r.Status == RegistrationStatus.Confirmed));
        var waitlisted = registrants.Where(r => r.Status == RegistrationStatus.Waitlisted).OrderBy(r => r.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, 470), waitlisted.Select(r => r.Position!.Value));
        Assert.Equal(
            outcomes.Where(o => o.Registration!.Status == RegistrationStatus.Confirmed).Select(o => o.Registration!.Code).Order(),
            registrants.Where(r => r.Status == RegistrationStatus.Confirmed).Select(r => r.Code).Order());
        var counts = (await cluster.A.Grains.GetGrain<IWorkshopSessionGrain>(session).GetAsync().WaitAsync(Timeout))!.Counts;
        Assert.Equal((30, 0, 470), (counts.Confirmed, counts.SeatsLeft, counts.Waitlisted));
    }
}
