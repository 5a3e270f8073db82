namespace Collaboration.Web.Reports;

public static class ReportsSetup
{
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReportOptions>(configuration.GetSection(ReportOptions.Section));
        services.AddSingleton<ActivityFacts>();
        services.AddSingleton<ActivityReports>();
        return services;
    }
}
