using System.Net.Http.Json;
using Collaboration.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Collaboration.Bench.Harness;

/// <summary>
/// One web node as it runs in production — the real <c>Collaboration.Web</c> app, its silo co-hosted
/// (<c>AddConcertationSilo</c>) — on real Kestrel (loopback, a free port), PostgreSQL storage and
/// clustering, its own free silo and gateway ports. Nodes given the same database form one cluster.
/// </summary>
// Any type of the web assembly names its entry point (this program has a Program class of its own).
internal sealed class WebNode : WebApplicationFactory<Collaboration.Web.Colloque.ColloqueTopic>
{
    public const string OrganiserEmail = "bench@bench.local";
    public const string OrganiserPassword = "Banc-d-essai-Lanaudiere-2026!";

    /// <summary>Where the nodes' emails go (no SMTP server in the bench unless a scenario sets one): one folder per bench run.</summary>
    public static readonly string MailPickupDirectory = Path.Combine(Path.GetTempPath(), $"concertation-bench-mail-{Environment.ProcessId}");

    private readonly Dictionary<string, string?> _settings;

    private WebNode(string postgresConnectionString, (string Key, string? Value)[] settings)
    {
        _settings = Settings(postgresConnectionString, settings);
        UseKestrel(0);
    }

    /// <summary>A bench node's configuration: PostgreSQL, free Orleans ports, mail to the pickup folder, every rate limit above the bench's bursts.</summary>
    public static Dictionary<string, string?> Settings(string postgresConnectionString, (string Key, string? Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = postgresConnectionString,
            ["Bootstrap:OrganiserEmail"] = OrganiserEmail,
            ["Bootstrap:OrganiserPassword"] = OrganiserPassword,
            ["Seed:Demo"] = "false",
            // Mail goes to a pickup folder outside the repository (the default is beside the SQLite file, i.e. the working directory).
            ["Mail:PickupDirectory"] = MailPickupDirectory,
            ["Mail:PublicBaseUrl"] = "http://concertation.bench", // required in Production
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Warning",
        };
        foreach (var (key, value) in FreePort.OrleansSettings()) all[key] = value;
        // Every bench client comes from 127.0.0.1: every family's limit lifted (sign-in, desk pairing, sign-ups).
        foreach (var family in Collaboration.Web.Platform.RateLimits.Families) all[$"RateLimiting:{family.Setting}"] = "1000000";
        all[$"{Collaboration.Grains.Colloque.SignupLimits.Section}:PublicPerMinute"] = "1000000"; // above the benchmark's burst
        all["Mail:MaxPerMinute"] = "1000000";
        foreach (var (key, value) in settings) all[key] = value;
        return all;
    }

    /// <summary>Starts a node on <paramref name="postgresConnectionString"/> (and <paramref name="settings"/>) and waits until it answers /health.</summary>
    public static async Task<WebNode> StartAsync(string postgresConnectionString, params (string Key, string? Value)[] settings)
    {
        var node = new WebNode(postgresConnectionString, settings);
        await Task.Run(node.StartServer).WaitAsync(TimeSpan.FromSeconds(120));
        using var http = node.NewHttpClient();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) when (attempt < 100)
            {
            }
            if (attempt >= 100) throw new InvalidOperationException($"The web node at {node.ServerAddress} never answered /health.");
            await Task.Delay(200);
        }
        return node;
    }

    public Uri ServerAddress => ClientOptions.BaseAddress;

    public Uri HubUrl => new(ServerAddress, "/hubs/live");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseContentRoot(WebProjectDirectory());
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    /// <summary>web/Collaboration.Web in this repository (its wwwroot and appsettings.json), found above the bench's folder.</summary>
    public static string WebProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var web = Path.Combine(dir.FullName, "web", "Collaboration.Web");
            if (File.Exists(Path.Combine(dir.FullName, "Collaboration.sln")) && Directory.Exists(web)) return web;
        }
        throw new InvalidOperationException("web/Collaboration.Web not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A real HTTP client to this node (no cookie container); sends X-CSRF: 1 like the browser client.</summary>
    public HttpClient NewHttpClient(string? cookie = null) => NewHttpClient(ServerAddress, cookie);

    public static HttpClient NewHttpClient(Uri address, string? cookie)
    {
        var handler = new SocketsHttpHandler { UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-CSRF", "1");
        if (cookie is not null) client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>Signs the bootstrap organiser in; returns the auth cookie (valid on every node: the key ring is in PostgreSQL).</summary>
    public async Task<string> OrganiserCookieAsync()
    {
        using var client = NewHttpClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = OrganiserEmail, password = OrganiserPassword });
        response.EnsureSuccessStatusCode();
        return CookieOf(response);
    }

    public static string CookieOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
}
