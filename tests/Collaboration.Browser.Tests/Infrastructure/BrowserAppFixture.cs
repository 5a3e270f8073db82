using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Browser.Tests.Infrastructure;

/// <summary>
/// One app server and one Chromium, shared by the tests of <see cref="BrowserCollection"/>.
/// Each test opens its own <see cref="BrowserSession"/> (a fresh browser context: no cookies, no storage).
/// To run the app with other settings, derive from this class, override <see cref="ConfigureSettings"/>
/// and use the derived class as the fixture of another collection.
/// </summary>
public class BrowserAppFixture : IAsyncLifetime
{
    public const string OrganiserEmail = "organisateur@test.local";
    public const string OrganiserPassword = "Test-Password-2026!";
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
        // A document a test fulfils itself (the CSP test adds its header through page.RouteAsync) has no address space,
        // so Chromium's local-network checks would block its WebSocket to 127.0.0.1, which a served page never meets.
        "--disable-features=LocalNetworkAccessChecks",
    ];

    private readonly string _databasePath =
        Path.Combine(Path.GetTempPath(), $"concertation-browser-{Guid.NewGuid():N}.db");

    private ConcertationAppFactory? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Uri? _baseUrl;
    private Task<SamplePages>? _samplePages;

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl => _baseUrl ?? throw NotStarted();

    /// <summary>The running app (its Services, for tests that need to reach inside).</summary>
    public ConcertationAppFactory App => _app ?? throw NotStarted();

    public IBrowser Browser => _browser ?? throw NotStarted();

    /// <summary>Content on every page, arranged once for the tests that only look (accessibility, layout, screenshots).</summary>
    public Task<SamplePages> SamplePagesAsync() => _samplePages ??= SamplePages.ArrangeAsync(this);

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing. Install Debian's Chromium: apt-get update && apt-get install -y chromium");
        }

        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["ConnectionStrings:Sqlite"] = $"Data Source={_databasePath}",
            ["Bootstrap:OrganiserEmail"] = OrganiserEmail,
            ["Bootstrap:OrganiserPassword"] = OrganiserPassword,
            ["Seed:Demo"] = "false",
        };
        // Every browser test signs in or registers from 127.0.0.1 against this one app: every family's limit lifted.
        foreach (var family in Collaboration.Web.Platform.RateLimits.Families) settings[$"RateLimiting:{family.Setting}"] = "100000";
        // Several fixtures may run at once: each co-hosted silo on ports of its own.
        foreach (var (key, value) in Collaboration.Testing.FreePort.OrleansSettings()) settings[key] = value;
        ConfigureSettings(settings);

        _app = new ConcertationAppFactory(settings);
        await Task.Run(_app.StartServer).WaitAsync(Timeouts.Startup);
        _baseUrl = ListeningAddress(_app);

        _playwright = await Playwright.CreateAsync().WaitAsync(Timeouts.Startup);
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = (float)Timeouts.Startup.TotalMilliseconds,
        });
    }

    /// <summary>Adds or overrides app settings (configuration keys such as "Storage:Provider").</summary>
    protected virtual void ConfigureSettings(IDictionary<string, string?> settings)
    {
    }

    /// <summary>
    /// A fresh browser context and page with BaseURL set (so page.GotoAsync("/login.html") works) and
    /// default timeouts of <see cref="Timeouts.Ui"/>. Pass output to see the page's console in the test log.
    /// </summary>
    public async Task<BrowserSession> NewSessionAsync(ITestOutputHelper? output = null, BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = BaseUrl.ToString();
        options.Locale ??= "fr-CA";
        var context = await Browser.NewContextAsync(options).WaitAsync(Timeouts.Startup);
        context.SetDefaultTimeout(Timeouts.Ui);
        context.SetDefaultNavigationTimeout(Timeouts.Ui);
        var page = await context.NewPageAsync().WaitAsync(Timeouts.Startup);
        return new BrowserSession(context, page, output);
    }

    /// <summary>An HttpClient of its own (own cookie jar) on the app, for arranging or checking through the API.</summary>
    public HttpClient CreateApiClient() =>
        new(new SocketsHttpHandler { CookieContainer = new(), AllowAutoRedirect = false })
        {
            BaseAddress = BaseUrl,
            Timeout = Timeouts.Http,
        };

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync().WaitAsync(Timeouts.Startup);
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync().AsTask().WaitAsync(Timeouts.Startup);
        }
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try
            {
                File.Delete(_databasePath + suffix);
            }
            catch (IOException)
            {
                // a leftover temp file is harmless
            }
        }
    }

    private static Uri ListeningAddress(ConcertationAppFactory app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
            ?? app.ClientOptions.BaseAddress.ToString();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    private static InvalidOperationException NotStarted() => new("The browser fixture has not started.");
}
