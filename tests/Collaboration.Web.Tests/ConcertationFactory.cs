using System.Net.Http.Json;
using Collaboration.Testing;
using Collaboration.Web.Live;
using Collaboration.Web.Tests.TestDoubles;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using Microsoft.Extensions.Hosting;
using Orleans.Serialization;

namespace Collaboration.Web.Tests;

/// <summary>
/// The real web app (silo co-hosted) on a fresh SQLite file, or on a given PostgreSQL database;
/// optionally on real Kestrel for the Node SignalR client. Adds the test topic "test-note".
/// </summary>
public sealed class ConcertationFactory : WebApplicationFactory<Program>
{
    public const string OrganiserEmail = "organisateur@test.local";
    public const string OrganiserPassword = "Test-Password-2026!";

    private readonly string _folder = Directory.CreateTempSubdirectory("concertation-web-").FullName;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public ConcertationFactory(string? postgresConnectionString = null, bool kestrel = false, params (string Key, string? Value)[] settings)
        : this(postgresConnectionString, kestrel, services: null, settings)
    {
    }

    /// <summary>As above, with services of the test's own (e.g. shorter failure detection for a cluster test).</summary>
    public ConcertationFactory(string? postgresConnectionString, bool kestrel, Action<IServiceCollection>? services, params (string Key, string? Value)[] settings)
    {
        _services = services;
        _settings = new()
        {
            ["Storage:Provider"] = postgresConnectionString is null ? "Sqlite" : "Postgres",
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(_folder, "web.db")}",
            ["ConnectionStrings:Postgres"] = postgresConnectionString,
            ["Bootstrap:OrganiserEmail"] = OrganiserEmail,
            ["Bootstrap:OrganiserPassword"] = OrganiserPassword,
            ["Mail:PickupDirectory"] = Path.Combine(_folder, "mail"),
        };
        foreach (var (key, value) in FreePort.OrleansSettings()) _settings[key] = value;
        // Every test client comes from one address: every family's limit lifted (a test sets the one it checks).
        foreach (var family in Collaboration.Web.Platform.RateLimits.Families) _settings[$"RateLimiting:{family.Setting}"] = "10000";
        _settings[$"{Collaboration.Grains.Colloque.SignupLimits.Section}:PublicPerMinute"] = "10000";
        _settings["Mail:MaxPerMinute"] = "100000";
        // No meter provider unless a test looks at the metrics: each keeps buffers for every instrument it follows (~80 MB a node).
        _settings["Telemetry:Metrics"] = "false";
        foreach (var (key, value) in settings) _settings[key] = value;
        if (kestrel)
        {
            // A port the OS picks: without an address of its own the node would take the product's default, 5080, which another test holds.
            _settings["urls"] = "http://127.0.0.1:0";
            UseKestrel(0);
            StartServer();
        }
    }

    /// <summary>The real server's address (Kestrel only).</summary>
    public Uri ServerAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.AddSerializer(serializer => serializer.AddAssembly(typeof(NoteGrain).Assembly));
            services.AddSingleton<ILiveTopic, TestNotesTopic>();
            // The program registers its meter provider before these settings reach its configuration (they are applied when it
            // builds): taken out here unless the test asked for the metrics (Telemetry:Metrics).
            if (_settings.GetValueOrDefault("Telemetry:Metrics") != "true") services.RemoveAll<MeterProvider>();
            _services?.Invoke(services);
        });
    }

    /// <summary>
    /// A start that fails (a Production start with no way in) has already started the co-hosted silo: it is stopped here, or it
    /// would live on in the test process, unowned, probing a cluster that is gone until Orleans ends the process as a dead silo.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = builder.Build();
        try
        {
            host.Start();
            return host;
        }
        catch
        {
            try { host.StopAsync().Wait(TimeSpan.FromSeconds(30)); }
            catch (Exception) { /* the start's own error is the one to report */ }
            host.Dispose();
            throw;
        }
    }

    /// <summary>A client signed in as the bootstrap organiser; it sends X-CSRF: 1 like the browser client.</summary>
    public async Task<HttpClient> CreateOrganiserClientAsync()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-CSRF", "1");
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = OrganiserEmail, password = OrganiserPassword });
        response.EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>Signs in over real HTTP and returns the auth cookie as a Cookie header value.</summary>
    public async Task<string> SignInCookieAsync()
    {
        using var handler = new HttpClientHandler { UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = ServerAddress };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = OrganiserEmail, password = OrganiserPassword });
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Set-Cookie").First().Split(';')[0];
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
