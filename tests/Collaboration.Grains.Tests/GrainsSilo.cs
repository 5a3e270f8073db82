using Collaboration.Grains.Accounts;
using Collaboration.Grains.Runtime;
using Collaboration.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Grains.Tests;

/// <summary>The domain grains on a real silo (SQLite file) with a manual clock.</summary>
public sealed class GrainsSilo : IAsyncLifetime
{
    private readonly TempSqliteFile _file = new();
    private SiloTestHost _host = null!;

    public ManualClock Clock { get; } = new();

    public IGrainFactory Grains => _host.Grains;

    public async Task InitializeAsync() => _host = await SiloTestHost.StartSqliteAsync(_file.Path,
        new SiloTestSetup([typeof(OrganiserAccountGrain).Assembly], services => services.AddSingleton<TimeProvider>(Clock)));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _file.Dispose();
    }
}
