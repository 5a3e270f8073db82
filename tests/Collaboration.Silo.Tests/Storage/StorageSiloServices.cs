using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>
/// A silo's services, built but never started (no ports, no cluster): the grain storage it registers is resolved the
/// way grains get it (a keyed <see cref="IGrainStorage"/>) and initialised through its own silo-lifecycle hook.
/// </summary>
public sealed class StorageSiloServices : IAsyncDisposable
{
    private static readonly TimeSpan LifecycleTimeout = TimeSpan.FromSeconds(60);

    private readonly IHost _host;
    private readonly SiloLifecycleSubject _lifecycle;

    private StorageSiloServices(IHost host, SiloLifecycleSubject lifecycle, IGrainStorage storage)
    {
        _host = host;
        _lifecycle = lifecycle;
        Storage = storage;
    }

    public IGrainStorage Storage { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>Builds the services, resolves the storage named <paramref name="storageName"/> and runs its start-up.</summary>
    public static async Task<StorageSiloServices> StartAsync(string serviceId, string storageName, Action<ISiloBuilder> configure)
    {
        var host = new HostBuilder()
            .UseOrleans(silo =>
            {
                silo.UseLocalhostClustering();
                silo.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = "conformance";
                    o.ServiceId = serviceId;
                });
                configure(silo);
            })
            .Build();
        try
        {
            var storage = host.Services.GetRequiredKeyedService<IGrainStorage>(storageName);
            var lifecycle = new SiloLifecycleSubject(NullLogger<SiloLifecycleSubject>.Instance);
            (storage as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
            await lifecycle.OnStart().WaitAsync(LifecycleTimeout);
            return new StorageSiloServices(host, lifecycle, storage);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _lifecycle.OnStop().WaitAsync(LifecycleTimeout);
        }
        finally
        {
            _host.Dispose();
        }
    }
}
