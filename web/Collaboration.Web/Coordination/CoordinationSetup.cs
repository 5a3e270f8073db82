using Collaboration.Web.Live;

namespace Collaboration.Web.Coordination;

public static class CoordinationSetup
{
    public static IServiceCollection AddCoordination(this IServiceCollection services)
    {
        services.AddSingleton<CoordinationService>();
        services.AddSingleton<OrganisationActivityReader>();
        services.AddSingleton<ILiveTopic, BoardTopic>();
        return services;
    }
}
