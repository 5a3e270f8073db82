namespace Collaboration.Web.Reports;

public static class ReportsSetup
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton<ActivityFacts>();
        services.AddSingleton<ActivityReports>();
        return services;
    }
}
