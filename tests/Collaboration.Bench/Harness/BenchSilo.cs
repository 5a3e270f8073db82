using Collaboration.Bench.Bench;
using Collaboration.Grains.Runtime;
using Collaboration.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Collaboration.Bench.Harness;

/// <summary>A silo as the web node hosts it (AddSilo on a generic host), with the bench grains registered.</summary>
internal sealed class BenchSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchSilo(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public static Task<BenchSilo> StartSqliteAsync(string file) =>
        StartAsync(("Storage:Provider", "Sqlite"), ("ConnectionStrings:Sqlite", $"Data Source={file}"));

    public static Task<BenchSilo> StartPostgresAsync(string connectionString) =>
        StartAsync(("Storage:Provider", "Postgres"), ("ConnectionStrings:Postgres", connectionString));

    private static async Task<BenchSilo> StartAsync(params (string Key, string? Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddSilo(builder.Configuration, typeof(BenchCounterGrain).Assembly);
        var host = builder.Build();
        await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return new BenchSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (_host is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
        else _host.Dispose();
    }
}
