namespace Collaboration.Grains.Live;

/// <summary>
/// Where feeding grains hand their committed events (implemented by the silo: a local stateless
/// worker that fans them out to every silo's hub). One-way: a grain never waits for browsers.
/// </summary>
[Alias("live-relay")]
public interface ILiveRelayGrain : IGrainWithIntegerKey
{
    [OneWay]
    Task PublishAsync(LiveBatch batch);
}
