using Collaboration.Grains.Runtime;
using Collaboration.Silo.ChangeFeed;
using Collaboration.Silo.Hosting;
using Collaboration.Silo.Runtime;
using Collaboration.Silo.Storage;
using Collaboration.Silo.Tests.TestGrains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Collaboration.Silo.Tests;

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

    public TestGates Gates => Services.GetRequiredService<TestGates>();

    public static Task<SiloTestHost> StartSqliteAsync(string file, params (string Key, string? Value)[] settings) =>
        StartAsync([("Storage:Provider", "Sqlite"), ("ConnectionStrings:Sqlite", $"Data Source={file}"), .. settings]);

    public static Task<SiloTestHost> StartPostgresAsync(string connectionString, params (string Key, string? Value)[] settings) =>
        StartAsync([("Storage:Provider", "Postgres"), ("ConnectionStrings:Postgres", connectionString), .. settings]);

    public static async Task<SiloTestHost> StartAsync(IEnumerable<(string Key, string? Value)> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddSingleton<TestGates>();
        builder.Services.AddSilo(builder.Configuration, typeof(CounterGrain).Assembly);
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
