using Collaboration.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Browser.Tests.Cluster;

/// <summary>
/// Two web nodes (real Kestrel, each co-hosting its silo) on one PostgreSQL database, forming one Orleans cluster,
/// behind Debian's nginx doing plain round robin with the repository's <c>deploy/nginx/concertation.conf</c>;
/// and one Chromium. Everything a test does goes through <see cref="ProxyAddress"/>, the one public address.
/// </summary>
public sealed class ProxiedClusterFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? _playwright;

    public ConcertationAppFactory NodeA { get; private set; } = null!;

    public ConcertationAppFactory NodeB { get; private set; } = null!;

    public NginxProxy Proxy { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri ProxyAddress => Proxy.Address;

    public async Task InitializeAsync()
    {
        var database = await (await PostgresCluster.GetSharedAsync()).CreateDatabaseAsync("proxied").WaitAsync(Timeouts.Startup);
        NodeA = await StartNodeAsync(database);
        NodeB = await StartNodeAsync(database);
        await ClusterWait.UntilHubsRegisteredAsync(NodeA.Services.GetRequiredService<IGrainFactory>(), 2).WaitAsync(Timeouts.Startup);
        Proxy = await NginxProxy.StartAsync([NodeAddress(NodeA), NodeAddress(NodeB)]).WaitAsync(Timeouts.Startup);

        _playwright = await Playwright.CreateAsync().WaitAsync(Timeouts.Startup);
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserAppFixture.ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = (float)Timeouts.Startup.TotalMilliseconds,
        });
    }

    /// <summary>A fresh browser context on the proxy's address, at the given viewport.</summary>
    public async Task<BrowserSession> NewSessionAsync(ITestOutputHelper output, string viewport)
    {
        var options = Viewports.Options(viewport, new() { BaseURL = ProxyAddress.ToString(), Locale = "fr-CA" });
        var context = await Browser.NewContextAsync(options).WaitAsync(Timeouts.Startup);
        context.SetDefaultTimeout(Timeouts.Ui);
        context.SetDefaultNavigationTimeout(Timeouts.Ui);
        return new BrowserSession(context, await context.NewPageAsync().WaitAsync(Timeouts.Startup), output);
    }

    /// <summary>An API client on the proxy, signed in as the organiser (cookie and X-CSRF, as the pages do).</summary>
    public async Task<HttpClient> OrganiserApiAsync()
    {
        var api = new HttpClient(new SocketsHttpHandler { CookieContainer = new(), AllowAutoRedirect = false })
        {
            BaseAddress = ProxyAddress,
            Timeout = Timeouts.Http,
        };
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        var login = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(api, "/api/auth/login",
            new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword });
        login.EnsureSuccessStatusCode();
        return api;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync().WaitAsync(Timeouts.Startup);
        _playwright?.Dispose();
        if (Proxy is not null) await Proxy.DisposeAsync();
        if (NodeB is not null) await NodeB.DisposeAsync().AsTask().WaitAsync(Timeouts.Startup);
        if (NodeA is not null) await NodeA.DisposeAsync().AsTask().WaitAsync(Timeouts.Startup);
    }

    private static async Task<ConcertationAppFactory> StartNodeAsync(string database)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = database,
            ["Bootstrap:OrganiserEmail"] = BrowserAppFixture.OrganiserEmail,
            ["Bootstrap:OrganiserPassword"] = BrowserAppFixture.OrganiserPassword,
            ["Seed:Demo"] = "false",
        };
        foreach (var family in Collaboration.Web.Platform.RateLimits.Families) settings[$"RateLimiting:{family.Setting}"] = "100000";
        foreach (var (key, value) in FreePort.OrleansSettings()) settings[key] = value;
        var node = new ConcertationAppFactory(settings);
        await Task.Run(node.StartServer).WaitAsync(Timeouts.Startup);
        return node;
    }

    private static Uri NodeAddress(ConcertationAppFactory node)
    {
        var addresses = node.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses;
        return new Uri(addresses!.First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
    }
}
