using Xunit;

namespace Collaboration.Testing;

/// <summary>
/// xunit fixture over <see cref="PostgresCluster.Shared"/>: use it as <c>IClassFixture&lt;PostgresFixture&gt;</c> or
/// through a collection in the test project
/// (<c>[CollectionDefinition("Postgres")] public sealed class PostgresCollection : ICollectionFixture&lt;PostgresFixture&gt;;</c>).
/// Every fixture shares the one cluster, which is stopped when the test process exits.
/// </summary>
public class PostgresFixture : IAsyncLifetime
{
    private PostgresCluster? _cluster;

    /// <summary>The shared cluster (available once xunit has initialised the fixture).</summary>
    public PostgresCluster Cluster =>
        _cluster ?? throw new InvalidOperationException("PostgresFixture is used before xunit initialised it.");

    /// <summary>A connection string to a fresh, uniquely named database on the shared cluster.</summary>
    public Task<string> CreateDatabaseAsync(string? prefix = null) => Cluster.CreateDatabaseAsync(prefix);

    public virtual async Task InitializeAsync() => _cluster = await PostgresCluster.GetSharedAsync().ConfigureAwait(false);

    // The shared cluster outlives this fixture: other classes and collections use it until the process exits.
    public virtual Task DisposeAsync() => Task.CompletedTask;
}
