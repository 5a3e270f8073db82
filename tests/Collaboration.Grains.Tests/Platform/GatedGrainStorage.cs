using Collaboration.Grains.Platform;
using Collaboration.Silo.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Collaboration.Grains.Tests.Platform;

/// <summary>
/// The product's grain storage with a gate in front of one grain's writes: while <see cref="Hold"/> names it, each of
/// its writes waits in the provider for <see cref="Release"/>, so a test can hold a write "in flight" and see what the
/// grain does meanwhile. Other grains' writes pass.
/// </summary>
public sealed class GatedGrainStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly SemaphoreSlim _permits = new(0);
    private int _waiting;
    private int _committed;

    public GrainId? Hold { get; set; }

    /// <summary>Puts the product's SQLite storage behind a gate, under the name every grain uses; <paramref name="created"/> gets the gate.</summary>
    public static void Install(ISiloBuilder silo, IConfiguration configuration, Action<GatedGrainStorage> created)
    {
        silo.AddSqliteGrainStorage("gated-inner", configuration.GetConnectionString("Sqlite") ?? configuration["ConnectionStrings:Sqlite"]!);
        silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Grains, (sp, _) =>
        {
            var gate = new GatedGrainStorage(sp.GetRequiredKeyedService<IGrainStorage>("gated-inner"));
            created(gate);
            return gate;
        });
    }

    /// <summary>Writes of the held grain waiting at the gate now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Writes of the held grain that have committed.</summary>
    public int Committed => Volatile.Read(ref _committed);

    public void Release(int writes = 1) => _permits.Release(writes);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (Hold != grainId)
        {
            await inner.WriteStateAsync(stateName, grainId, grainState);
            return;
        }
        Interlocked.Increment(ref _waiting);
        await _permits.WaitAsync(TimeSpan.FromSeconds(30));
        Interlocked.Decrement(ref _waiting);
        await inner.WriteStateAsync(stateName, grainId, grainState);
        Interlocked.Increment(ref _committed);
    }

    /// <summary>The inner storage takes part in the silo's lifecycle under its own name; the gate has nothing to start.</summary>
    public void Participate(ISiloLifecycle lifecycle) { }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
}
