using Collaboration.Web.Demo;
using Collaboration.Web.Live;

namespace Collaboration.Web.Partners;

public static class PartnersSetup
{
    public static IServiceCollection AddPartners(this IServiceCollection services)
    {
        services.AddSingleton<PartnersService>();
        services.AddSingleton<MemberMatching>();
        services.AddSingleton<ILiveTopic, PartnerDirectoryTopic>();
        return services;
    }
}
