namespace Collaboration.Web.Retention;

public static class RetentionSetup
{
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddHostedService<RetentionSchedule>();
        return services;
    }
}
