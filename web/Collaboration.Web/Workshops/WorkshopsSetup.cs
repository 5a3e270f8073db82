using Collaboration.Web.Demo;
using Collaboration.Web.Live;
using Collaboration.Web.Platform.Permissions;

namespace Collaboration.Web.Workshops;

public static class WorkshopsSetup
{
    public static IServiceCollection AddWorkshops(this IServiceCollection services)
    {
        services.AddPermissions<WorkshopsPermissions, WorkshopAction>();
        services.AddSingleton<ILiveTopic, WorkshopTopic>();
        services.AddSingleton<ILiveTopic, WorkshopAdminTopic>();
        services.AddSingleton<IDemoData, WorkshopsDemoData>();
        return services;
    }
}
