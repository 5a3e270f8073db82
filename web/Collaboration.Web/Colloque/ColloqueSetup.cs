using Collaboration.Web.Demo;
using Collaboration.Web.Live;
using Collaboration.Web.Platform.Permissions;

namespace Collaboration.Web.Colloque;

public static class ColloqueSetup
{
    public static IServiceCollection AddColloque(this IServiceCollection services)
    {
        services.AddPermissions<ColloquePermissions, ColloqueAction>();
        services.AddSingleton<KnownColloques>();
        services.AddSingleton<ILiveTopic, ColloquePublicTopic>();
        services.AddSingleton<ILiveTopic, ColloqueScreensTopic>();
        services.AddSingleton<ILiveTopic, ColloqueTopic>();
        services.AddSingleton<IDemoData, ColloqueDemoData>();
        services.AddSingleton<IDemoData, ColloqueProgrammeDemoData>();
        return services;
    }
}
