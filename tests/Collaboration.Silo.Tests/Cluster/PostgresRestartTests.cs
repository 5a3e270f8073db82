using Collaboration.Silo.Tests.TestGrains;
using Collaboration.Testing;

namespace Collaboration.Silo.Tests.Cluster;

/// <summary>Production storage: a node restarted on the same PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRestartTests(PostgresFixture postgres)
{
    [Fact]
    public async Task FullRestartOnTheSamePostgresDatabase_KeepsEveryAcknowledgedWrite_AndTheLiveTail()
    {
        // Arrange: a node takes 20 increments, then stops.
        var database = await postgres.CreateDatabaseAsync("restart");
        var acknowledged = await RestartScenario.WriteThenStopAsync(
            () => SiloTestHost.StartPostgresAsync(database, services => services.AddTestGrains()), "restart-postgres", 20);

        // Act: a new node on the same database.
        await using var restarted = await SiloTestHost.StartPostgresAsync(database, services => services.AddTestGrains());

        // Assert
        Assert.Equal(20, acknowledged);
        await RestartScenario.AssertKeptAsync(restarted, "restart-postgres", acknowledged);
    }
}
