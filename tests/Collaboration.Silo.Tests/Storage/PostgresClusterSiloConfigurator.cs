using Orleans.Hosting;
using Orleans.TestingHost;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>A test-cluster silo on real ADO.NET membership in the PostgreSQL database named by <see cref="ConnectionStringKey"/>.</summary>
public sealed class PostgresClusterSiloConfigurator : ISiloConfigurator
{
    /// <summary>The <c>TestClusterBuilder.Properties</c> key holding the connection string.</summary>
    public const string ConnectionStringKey = "PostgresClusterTests:ConnectionString";

    public void Configure(ISiloBuilder siloBuilder)
    {
        var connectionString = siloBuilder.Configuration[ConnectionStringKey]
            ?? throw new InvalidOperationException($"{ConnectionStringKey} is not set.");
        siloBuilder.UseAdoNetClustering(o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = connectionString;
        });
    }
}
