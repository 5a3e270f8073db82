using Collaboration.Grains.Platform;
using Collaboration.Silo.Hosting;
using Collaboration.Testing;
using Microsoft.Extensions.Configuration;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>
/// The conformance tests on the grain storage exactly as the product configures it for PostgreSQL
/// (<c>AddConcertationGrainStorage</c>: the stock ADO.NET provider behind <c>FullGrainIdGrainStorage</c>, binary
/// state, the providers' connection settings).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresProductStorageConformanceTests(PostgresFixture postgres) : PostgresStorageConformanceTests(postgres, "storage_product")
{
    protected override Task<StorageSiloServices> StartStorageAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = ConnectionString,
        }).Build();
        return StorageSiloServices.StartAsync(ServiceId, StorageNames.Grains, silo => silo.AddConcertationGrainStorage(configuration));
    }

    [Fact]
    public Task EveryGrainIdentity_KeepsItsOwnState() => AssertEveryGrainIdentityKeepsItsOwnStateAsync();
}
