using Collaboration.Grains.Runtime;
using Collaboration.Silo.ChangeFeed;
using Collaboration.Silo.Hosting;
using Collaboration.Silo.Runtime;
using Collaboration.Silo.Storage;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Collaboration.Testing;

/// <summary>A real silo (grain host, storage, change feed, background services) in the test process.</summary>
public sealed class SiloTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private SiloTestHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public GrainHost GrainHost => Services.GetRequiredService<GrainHost>();

    public IGrainStorage Storage => Services.GetRequiredService<IGrainStorage>();

    public LocalChangeFeed Feed => Services.GetRequiredService<LocalChangeFeed>();

    public static Task<SiloTestHost> StartSqliteAsync(string file, SiloTestSetup setup, params (string Key, string? Value)[] settings) =>
        StartAsync([("Storage:Provider", "Sqlite"), ("ConnectionStrings:Sqlite", $"Data Source={file}"), .. settings], setup);

    public static Task<SiloTestHost> StartPostgresAsync(string connectionString, SiloTestSetup setup, params (string Key, string? Value)[] settings) =>
        StartAsync([("Storage:Provider", "Postgres"), ("ConnectionStrings:Postgres", connectionString), .. settings], setup);

    public static async Task<SiloTestHost> StartAsync(IEnumerable<(string Key, string? Value)> settings, SiloTestSetup setup)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        setup.ConfigureServices?.Invoke(builder.Services);
        builder.Services.AddSilo(builder.Configuration, [.. setup.GrainAssemblies]);
        var host = builder.Build();
        await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return new SiloTestHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        _host.Dispose();
    }
}

/// <summary>The grain assemblies a test silo activates, and services it adds (registered before the silo's own, so they win).</summary>
public sealed record SiloTestSetup(IReadOnlyList<Assembly> GrainAssemblies, Action<IServiceCollection>? ConfigureServices = null);
