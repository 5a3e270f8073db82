using Collaboration.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Hosting;

namespace Collaboration.Testing;

/// <summary>
/// A real silo in the test process, configured exactly as the product's (<c>AddConcertationSilo</c>)
/// on a SQLite file or a PostgreSQL database, on free ports; services may be added before it
/// starts (e.g. a manual clock, or the test grains' assembly).
/// </summary>
public sealed class SiloTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private SiloTestHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public static Task<SiloTestHost> StartSqliteAsync(string file, Action<IServiceCollection>? services = null, params (string Key, string? Value)[] settings) =>
        StartAsync([("Storage:Provider", "Sqlite"), ("ConnectionStrings:Sqlite", $"Data Source={file}"), .. settings], services);

    public static Task<SiloTestHost> StartPostgresAsync(string connectionString, Action<IServiceCollection>? services = null, params (string Key, string? Value)[] settings) =>
        StartAsync([("Storage:Provider", "Postgres"), ("ConnectionStrings:Postgres", connectionString), .. settings], services);

    public static async Task<SiloTestHost> StartAsync(IEnumerable<(string Key, string? Value)> settings, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(
            FreePort.OrleansSettings().Concat(settings).Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        services?.Invoke(builder.Services);
        builder.UseOrleans(silo => silo.AddConcertationSilo(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return new SiloTestHost(host);
    }

    private bool _disposed;

    /// <summary>Stops the node; a test may stop it mid-way (another node survives) and leave the rest to its <c>await using</c>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            await _host.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            _host.Dispose();
        }
    }
}
