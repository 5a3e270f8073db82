using Collaboration.Web.Platform.Input;
using Collaboration.Web.Platform.Telemetry;
using Collaboration.Web.Accounts;
using Orleans.Dashboard;

namespace Collaboration.Web.Platform;

/// <summary>What every feature relies on: JSON, problem details, errors, rate limits, OpenAPI, health, static files.</summary>
public static class PlatformSetup
{
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWireJson(); // one format for HTTP and the hub
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // bad JSON → our bilingual 400
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Localize);
        services.AddExceptionHandler<ErrorHandler>();
        services.AddRequestGuard(configuration);
        services.AddProxySupport(configuration);
        HubErrorLogging.Add(services);
        services.AddConcertationRateLimits(configuration);
        services.AddOpenApi(o => o.AddSchemaTransformer(EnumSchemas.Describe)); // enums listed with their wire values
        services.AddTelemetry(configuration);
        PostgresKeyRing.AddSharedKeyRing(services, configuration);
        return services;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseForwardedHeaders(); // first: every later step sees the real client address and scheme
        app.UseExceptionHandler();
        if (!app.Environment.IsDevelopment()) app.UseHsts(); // sent on HTTPS responses only
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseRequestGuard();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }

    public static WebApplication MapPlatformEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health", new() { ResponseWriter = HealthResponse.WriteAsync });
        // The Orleans dashboard (grains, silos, calls), for organisers only.
        app.MapOrleansDashboard("/orleans").RequireAuthorization(AuthenticationSetup.OrganiserPolicy);
        app.MapOpenApi();
        app.MapMetrics();
        return app;
    }

    /// <summary>
    /// Prints where the app listens, the storage, the cluster, the mail mode and telemetry (and, in Development, the
    /// organiser login to use). With JSON console logs (<c>Logging:Console:FormatterName=json</c>) the banner is one
    /// structured log record instead, so every line of the output stays JSON.
    /// </summary>
    public static void PrintStartupBanner(this WebApplication app) => app.Lifetime.ApplicationStarted.Register(() =>
    {
        var addresses = app.Urls.Count > 0 ? string.Join(", ", app.Urls) : "(see Kestrel configuration)";
        var storage = app.Configuration["Storage:Provider"] ?? "Sqlite";
        var silo = app.Services.GetRequiredService<Orleans.Runtime.ILocalSiloDetails>();
        var details = app.Services.GetServices<IBannerLine>().Select(l => l.Text.Trim()).ToList();
        if (string.Equals(app.Configuration["Logging:Console:FormatterName"], "json", StringComparison.OrdinalIgnoreCase))
        {
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Concertation.Startup").LogInformation(
                "Concertation est prête / is ready: {Addresses}; storage {Storage}; silo {Silo}, gateway {Gateway}, cluster {Cluster}; {Details}",
                addresses, storage, silo.SiloAddress.Endpoint.ToString(), silo.GatewayAddress?.Endpoint.ToString(), silo.ClusterId, details);
            return;
        }
        Console.WriteLine();
        Console.WriteLine($"  Concertation est prête / is ready: {addresses}");
        if (app.Environment.IsDevelopment() && app.Configuration["Bootstrap:OrganiserEmail"] is { } email)
            Console.WriteLine($"  Organisateur / Organiser: {email} / {app.Configuration["Bootstrap:OrganiserPassword"]}");
        Console.WriteLine($"  Stockage / Storage: {storage}");
        Console.WriteLine($"  Silo Orleans: {silo.SiloAddress.Endpoint} (passerelle / gateway {silo.GatewayAddress?.Endpoint}), grappe / cluster {silo.ClusterId}");
        foreach (var line in details) Console.WriteLine("  " + line);
        Console.WriteLine();
    });
}
