using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Collaboration.Silo.Live;

/// <summary>
/// Registers this silo's <see cref="LocalLiveFeed"/> with the hub registry as soon as the silo
/// answers, then every <see cref="Period"/>, so a registry that moved to another silo (its host
/// died) learns every hub again within one period.
/// </summary>
internal sealed class LiveHubRegistration(
    IGrainFactory grains, ILocalSiloDetails silo, LocalLiveFeed feed, TimeProvider clock, ILogger<LiveHubRegistration> logger)
    : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reference = grains.CreateObjectReference<ILiveHubObserver>(feed);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = Period;
                try
                {
                    await grains.GetGrain<ILiveHubRegistryGrain>(0).RegisterAsync(silo.SiloAddress, reference);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogDebug(ex, "Could not register this silo's hub for live events yet; retrying");
                    wait = RetryAfterFailure;
                }
                await Task.Delay(wait, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            grains.DeleteObjectReference<ILiveHubObserver>(reference);
        }
    }
}
