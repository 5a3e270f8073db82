using Collaboration.Silo.Tests.TestGrains;
using Collaboration.Testing;

namespace Collaboration.Silo.Tests.Cluster;

/// <summary>The embedded default: a node restarted on the same SQLite file.</summary>
public sealed class SqliteRestartTests : IDisposable
{
    private readonly TempSqliteFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task FullRestartOnTheSameSqliteFile_KeepsEveryAcknowledgedWrite_AndTheLiveTail()
    {
        // Arrange: a node takes 20 increments, then stops.
        var acknowledged = await RestartScenario.WriteThenStopAsync(
            () => SiloTestHost.StartSqliteAsync(_file.Path, services => services.AddTestGrains()), "restart-sqlite", 20);

        // Act: a new node on the same file.
        await using var restarted = await SiloTestHost.StartSqliteAsync(_file.Path, services => services.AddTestGrains());

        // Assert
        Assert.Equal(20, acknowledged);
        await RestartScenario.AssertKeptAsync(restarted, "restart-sqlite", acknowledged);
    }
}
