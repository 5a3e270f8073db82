using Collaboration.Silo.Storage.Postgres;
using Collaboration.Testing;
using Npgsql;
using Orleans;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>
/// Silos on one PostgreSQL database find each other through Orleans' ADO.NET membership over our schema (Orleans'
/// classic <see cref="TestCluster"/>, with its in-memory test membership turned off).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresClusterTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private string _connectionString = "";
    private TestCluster? _cluster;

    public async Task InitializeAsync()
    {
        _connectionString = await postgres.CreateDatabaseAsync("cluster");
        await PostgresSchema.ApplyAsync(_connectionString).WaitAsync(Timeout);
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
            await _cluster.DisposeAsync().AsTask().WaitAsync(Timeout);
        await using (var connection = new NpgsqlConnection(_connectionString))
            NpgsqlConnection.ClearPool(connection);
        await postgres.Cluster.DropDatabaseAsync(_connectionString);
    }

    [Fact]
    public async Task TwoSilos_OnOnePostgresDatabase_FormOneCluster()
    {
        var cluster = Build(silos: 2);

        await cluster.DeployAsync().WaitAsync(Timeout);
        var hosts = await cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(Timeout);
        var active = await CountMembersAsync(status: 3);

        Assert.Equal(2, hosts.Count);
        Assert.All(hosts.Values, status => Assert.Equal(SiloStatus.Active, status));
        Assert.Equal(2, active);
    }

    [Fact]
    public async Task StoppedSilo_LeavesTheCluster_AndIsRecordedDead()
    {
        var cluster = Build(silos: 2);
        await cluster.DeployAsync().WaitAsync(Timeout);
        var leaving = cluster.SecondarySilos[0];

        await cluster.StopSiloAsync(leaving).WaitAsync(Timeout);
        var hosts = await cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(Timeout);

        Assert.Equal(cluster.Silos.Select(silo => silo.SiloAddress), hosts.Keys);
        Assert.DoesNotContain(leaving.SiloAddress, hosts.Keys);
        Assert.Equal(1, await CountMembersAsync(status: 3));
        Assert.Equal(1, await CountMembersAsync(status: 6));
    }

    private TestCluster Build(short silos)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.UseTestClusterMembership = false;
        builder.Properties[PostgresClusterSiloConfigurator.ConnectionStringKey] = _connectionString;
        builder.AddSiloBuilderConfigurator<PostgresClusterSiloConfigurator>();
        builder.AddClientBuilderConfigurator<PostgresClusterClientConfigurator>();
        _cluster = builder.Build();
        return _cluster;
    }

    private async Task<int> CountMembersAsync(int status)
    {
        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM orleans_membership WHERE status = $1");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = status });
        return Convert.ToInt32(await command.ExecuteScalarAsync().WaitAsync(Timeout));
    }
}
