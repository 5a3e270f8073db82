using Microsoft.Extensions.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>The test cluster's client finds the gateways in the same PostgreSQL membership.</summary>
public sealed class PostgresClusterClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
    {
        var connectionString = configuration[PostgresClusterSiloConfigurator.ConnectionStringKey]
            ?? throw new InvalidOperationException($"{PostgresClusterSiloConfigurator.ConnectionStringKey} is not set.");
        clientBuilder.UseAdoNetClustering(o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = connectionString;
        });
    }
}
