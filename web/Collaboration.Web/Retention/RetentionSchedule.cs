using Collaboration.Grains.Retention;

namespace Collaboration.Web.Retention;

/// <summary>At start-up, makes sure the retention grain's daily reminder exists (once registered, Orleans keeps it across restarts and nodes).</summary>
public sealed class RetentionSchedule(IGrainFactory grains, ILogger<RetentionSchedule> logger, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = ScheduleAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ScheduleAsync()
    {
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            try
            {
                await grains.GetGrain<IRetentionGrain>(RetentionApi.Key).EnsureScheduledAsync();
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Retention reminder not registered yet (attempt {Attempt})", attempt);
                await Task.Delay(TimeSpan.FromSeconds(attempt * 2));
            }
        }
    }
}
