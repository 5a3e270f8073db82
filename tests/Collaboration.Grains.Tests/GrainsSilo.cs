using Collaboration.Grains.Platform;
using Collaboration.Silo.Hosting;
using Collaboration.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Collaboration.Grains.Tests;

/// <summary>
/// The domain grains on Orleans' in-process test cluster (one silo), with the product's grain
/// storage on a real SQLite file, the live relay, and a manual clock.
/// </summary>
public sealed class GrainsSilo : IAsyncLifetime
{
    private readonly TempSqliteFile _file = new();
    private readonly Action<ISiloBuilder, IConfiguration>? _configure;
    private InProcessTestCluster _cluster = null!;

    public GrainsSilo() { }

    /// <summary>A silo with more set up by the test (xunit's class fixtures take the public constructor only).</summary>
    internal GrainsSilo(Action<ISiloBuilder, IConfiguration> configure) => _configure = configure;

    public ManualClock Clock { get; } = new();

    public IGrainFactory Grains => _cluster.Client;

    /// <summary>Completes once the silo's grains have delivered every effect of their committed changes (emails wait: this host sends none).</summary>
    public Task DeliveredAsync(TimeSpan? within = null) => _cluster.Silos[0].ServiceProvider.GetRequiredService<PendingEffects>()
        .WhenDeliveredAsync(within ?? TimeSpan.FromSeconds(20), e => e is not Collaboration.Grains.Mail.SendMail);

    public InProcessTestCluster Cluster => _cluster;

    /// <summary>The SQLite file holding the grains' state (a test reads what was written).</summary>
    public string DatabasePath => _file.Path;

    /// <summary>
    /// How many stored rows of the grain keyed <paramref name="key"/>, with a state name starting <paramref name="statePrefix"/>
    /// (its own row and its ledger's chunk rows), hold <paramref name="bytes"/>: where an erased person could still be read.
    /// </summary>
    public async Task<int> RowsContainingAsync(string statePrefix, Guid key, byte[] bytes)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM orleans_grain_state WHERE state_name LIKE $state AND grain_id LIKE $grain";
        command.Parameters.AddWithValue("$state", statePrefix + "%");
        command.Parameters.AddWithValue("$grain", $"%{key:N}%");
        var found = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            if (((byte[])reader.GetValue(0)).AsSpan().IndexOf(bytes) >= 0) found++;
        return found;
    }

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["ConnectionStrings:Sqlite"] = $"Data Source={_file.Path}",
        }).Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.AddConcertationGrainStorage(configuration);
            silo.AddConcertationReminders(configuration);
            silo.Services.AddSingleton<PendingEffects>();
            silo.AddConcertationLive();
            _configure?.Invoke(silo, configuration);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _file.Dispose();
    }
}
