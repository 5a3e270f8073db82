using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Collaboration.Browser.Tests.Infrastructure;

/// <summary>The real web app on real Kestrel, on 127.0.0.1 and a port the OS picks.</summary>
public sealed class ConcertationAppFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public ConcertationAppFactory(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: Program reads its configuration before Build().
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
