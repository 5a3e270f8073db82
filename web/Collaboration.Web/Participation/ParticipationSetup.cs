using Collaboration.Grains.Participation;
using Collaboration.Grains.Platform;
using Collaboration.Web.Platform;

namespace Collaboration.Web.Participation;

public static class ParticipationSetup
{
    /// <summary>What the grains of evaluations, attestations and feeds ask the host: organisations' MRCs, and a sealer for link tokens.</summary>
    public static IServiceCollection AddParticipation(this IServiceCollection services)
    {
        services.AddSingleton<IOrganisationMrcs, OrganisationMrcs>();
        services.AddSingleton<ITokenSealer, DataProtectionTokenSealer>();
        return services;
    }
}
