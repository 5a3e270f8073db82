using Collaboration.Grains.Meetings.Presence;

namespace Collaboration.Web.Meetings;

/// <summary>
/// Every <see cref="MeetingPresenceGrain.HeartbeatEvery"/> (or <c>Meetings:PresenceHeartbeatSeconds</c>, shorter
/// only: the grains' expiry counts on it), this node tells each meeting's presence grain which of its connections
/// are still live. A node that dies stops beating, and its clients expire from every list.
/// </summary>
public sealed class MeetingPresenceHeartbeat(MeetingPresence presence, IConfiguration configuration, TimeProvider clock) : BackgroundService
{
    public const string Setting = "Meetings:PresenceHeartbeatSeconds";

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue<double?>(Setting) ?? MeetingPresenceGrain.HeartbeatEvery.TotalSeconds,
            0.1, MeetingPresenceGrain.HeartbeatEvery.TotalSeconds));
        using var timer = new PeriodicTimer(every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // A grain that could not be reached (its node just died) is tried again soon: once the cluster has
            // declared that node dead, the call activates the grain elsewhere and this node's people are back.
            for (var retry = 0; retry < 3 && await presence.HeartbeatAsync() > 0; retry++)
                await Task.Delay(RetryAfter, clock, stoppingToken);
        }
    }
}
