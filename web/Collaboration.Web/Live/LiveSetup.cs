namespace Collaboration.Web.Live;

public static class LiveSetup
{
    public const string HubPath = "/hubs/live";

    public static IServiceCollection AddLive(this IServiceCollection services)
    {
        services.AddSignalR().AddJsonProtocol(); // its options are the API's (WireJson)
        services.AddSingleton<TopicRegistry>();
        services.AddHostedService<LiveBroadcaster>();
        return services;
    }

    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder app)
    {
        app.MapHub<LiveHub>(HubPath);
        return app;
    }
}
