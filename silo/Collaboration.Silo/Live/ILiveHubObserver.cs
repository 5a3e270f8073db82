using Collaboration.Grains.Live;

namespace Collaboration.Silo.Live;

/// <summary>One per silo: receives every committed batch of live events, for that silo's hub.</summary>
[Alias("live-hub-observer")]
public interface ILiveHubObserver : IGrainObserver
{
    [OneWay]
    Task OnEventsAsync(LiveBatch batch);
}
