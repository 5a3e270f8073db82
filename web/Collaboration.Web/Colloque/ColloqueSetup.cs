using Collaboration.Web.Demo;
using Collaboration.Web.Live;

namespace Collaboration.Web.Colloque;

public static class ColloqueSetup
{
    public static IServiceCollection AddColloque(this IServiceCollection services)
    {
        services.AddSingleton<KnownColloques>();
        services.AddSingleton<ILiveTopic, ColloquePublicTopic>();
        services.AddSingleton<ILiveTopic, ColloqueScreensTopic>();
        services.AddSingleton<ILiveTopic, ColloqueTopic>();
        services.AddSingleton<IDemoData, ColloqueDemoData>();
        services.AddSingleton<IDemoData, ColloqueProgrammeDemoData>();
        return services;
    }
}
