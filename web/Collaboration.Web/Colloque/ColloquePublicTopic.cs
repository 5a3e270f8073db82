using System.Security.Claims;
using Collaboration.Grains.Colloque;
using Collaboration.Grains.Colloque.Events;
using Collaboration.Grains.Live;
using Collaboration.Web.Live;

namespace Collaboration.Web.Colloque;

/// <summary>
/// "colloque-public:{id}": anyone. The programme and places left per category and per atelier —
/// counts only: the signups grain's events carry no name, email or code, and each is reshaped here
/// into the public JSON of GET …/public. The snapshot also has the rooms' "now" and the announcement,
/// which change on their own topic ("colloque-screens", <see cref="ColloqueScreensTopic"/>).
/// </summary>
public sealed class ColloquePublicTopic(IGrainFactory grains, ColloquePermissions permissions) : ILiveTopic
{
    public string Prefix => "colloque-public";

    public string Feed => "colloque-signups";

    public ValueTask<bool> CanSubscribeAsync(ClaimsPrincipal user, string key) =>
        ColloqueTopicKeys.TryParsePublic(key, out var id) ? permissions.AllowsAsync(user, ColloqueAction.FollowPublicly, id) : ValueTask.FromResult(false);

    public ILiveFeedGrain Source(string key) => grains.GetGrain<IColloqueSignupsGrain>(Guid.Parse(key));

    public async Task<LiveSnapshot> SnapshotAsync(string key)
    {
        var colloque = await ColloqueJson.ReadPublicAsync(grains, Guid.Parse(key));
        return colloque is null ? new LiveSnapshot(0, new { missing = true }) : new LiveSnapshot(colloque.Version, colloque);
    }

    public object? Project(string key, LiveEvent liveEvent) => liveEvent.Data switch
    {
        PlacesChanged e => new { places = ColloqueJson.PlacesOf(e.Counts) },
        ProgrammeChanged e => new
        {
            registration = ColloqueJson.RegistrationOf(e.Settings), venueAddress = e.Settings?.VenueAddress ?? "",
            sessions = ColloqueJson.Sessions(e.Sessions, e.Counts), places = ColloqueJson.PlacesOf(e.Counts),
        },
        _ => null,
    };
}
