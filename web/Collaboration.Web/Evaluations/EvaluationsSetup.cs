using Collaboration.Web.Live;

namespace Collaboration.Web.Evaluations;

public static class EvaluationsSetup
{
    public static IServiceCollection AddEvaluations(this IServiceCollection services)
    {
        services.AddSingleton<ILiveTopic, EvaluationResultsTopic>();
        return services;
    }
}
