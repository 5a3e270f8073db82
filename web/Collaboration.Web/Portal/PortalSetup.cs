using Collaboration.Web.Demo;

namespace Collaboration.Web.Portal;

public static class PortalSetup
{
    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        services.AddSingleton<UpcomingEvents>();
        services.AddSingleton<IDemoData, PortalDemoData>();
        return services;
    }
}
