using Collaboration.Web.Live;
using Collaboration.Web.Platform.Permissions;

namespace Collaboration.Web.Coordination;

public static class CoordinationSetup
{
    public static IServiceCollection AddCoordination(this IServiceCollection services)
    {
        services.AddPermissions<CoordinationPermissions, CoordinationAction>();
        services.AddSingleton<CoordinationService>();
        services.AddSingleton<OrganisationActivityReader>();
        services.AddSingleton<ILiveTopic, BoardTopic>();
        return services;
    }
}
