using System.Security.Claims;
using Collaboration.Grains.Colloque;
using Collaboration.Grains.Colloque.Events;
using Collaboration.Grains.Live;
using Collaboration.Web.Live;

namespace Collaboration.Web.Colloque;

/// <summary>
/// "colloque-screens:{id}": anyone, as a room screen is public. What each room shows as "now" and the
/// announcement, fed by the screens grain; the snapshot is <see cref="ColloqueJson.Screens"/> and the
/// events keep the shapes the pages knew on "colloque-public".
/// </summary>
public sealed class ColloqueScreensTopic(IGrainFactory grains, ColloquePermissions permissions) : ILiveTopic
{
    public string Prefix => "colloque-screens";

    public string Feed => "colloque-screens";

    public ValueTask<bool> CanSubscribeAsync(ClaimsPrincipal user, string key) =>
        ColloqueTopicKeys.TryParsePublic(key, out var id) ? permissions.AllowsAsync(user, ColloqueAction.FollowPublicly, id) : ValueTask.FromResult(false);

    public ILiveFeedGrain Source(string key) => grains.GetGrain<IColloqueScreensGrain>(Guid.Parse(key));

    public async Task<LiveSnapshot> SnapshotAsync(string key)
    {
        var screens = await grains.GetGrain<IColloqueScreensGrain>(Guid.Parse(key)).GetAsync();
        return new LiveSnapshot(screens.Version, ColloqueJson.ScreensOf(screens));
    }

    public object? Project(string key, LiveEvent liveEvent) => liveEvent.Data switch
    {
        RoomNowChanged e => new { room = e.Room, sessionId = e.SessionId == Guid.Empty ? null : e.SessionId, e.FollowsTimetable, at = e.At },
        AnnouncementChanged e => new { text = e.Text, at = e.At },
        _ => null,
    };
}
