using System.Security.Claims;
using Collaboration.Grains.Live;
using Collaboration.Grains.Partners;
using Collaboration.Grains.Partners.Events;
using Collaboration.Web.Live;

namespace Collaboration.Web.Partners;

/// <summary>
/// "partners:default": anyone. Each event says only which organisation changed (added, edited, hidden, published,
/// merged); the public pages then read the directory again over HTTP, where a hidden organisation is never shown.
/// </summary>
public sealed class PartnerDirectoryTopic(IGrainFactory grains) : ILiveTopic
{
    public string Prefix => "partners";

    public string Feed => "partner-directory";

    public ValueTask<bool> CanSubscribeAsync(ClaimsPrincipal user, string key) => ValueTask.FromResult(key == PartnerDirectoryGrain.Key);

    public ILiveFeedGrain Source(string key) => grains.GetGrain<IPartnerDirectoryGrain>(key);

    public async Task<LiveSnapshot> SnapshotAsync(string key)
    {
        // Asked for a version past any: the answer carries the committed version and no events.
        var version = (await Source(key).GetEventsSinceAsync(long.MaxValue)).Version;
        return new LiveSnapshot(version, new { version });
    }

    public object? Project(string key, LiveEvent liveEvent) => liveEvent.Data is PartnerDirectoryChanged e ? new { id = e.Id } : null;
}
