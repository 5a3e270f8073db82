using Collaboration.Web.Demo;

namespace Collaboration.Web.Partners;

public static class PartnersSetup
{
    public static IServiceCollection AddPartners(this IServiceCollection services)
    {
        services.AddSingleton<PartnersService>();
        services.AddSingleton<MemberMatching>();
        return services;
    }
}
