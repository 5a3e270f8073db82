namespace Collaboration.Web.Attestations;

public static class AttestationsSetup
{
    public static IServiceCollection AddAttestations(this IServiceCollection services)
    {
        services.AddSingleton<Attestations>();
        return services;
    }
}
