using System.Security.Claims;
using Collaboration.Grains.Live;
using Collaboration.Grains.Meetings;
using Collaboration.Web.Live;

namespace Collaboration.Web.Meetings;

/// <summary>"meeting:{id}": every change of the meeting, for the table's members and the organisers.</summary>
public sealed class MeetingTopic(IGrainFactory grains, MeetingsPermissions permissions) : ILiveTopic
{
    public const string TopicPrefix = "meeting";

    public string Prefix => TopicPrefix;

    public string Feed => "meeting";

    public async ValueTask<bool> CanSubscribeAsync(ClaimsPrincipal user, string key)
    {
        if (!Guid.TryParse(key, out var id)) return false;
        var meeting = await grains.GetGrain<IMeetingGrain>(id).GetAsync();
        return meeting is not null && MeetingsPermissions.Allows(await permissions.ForTableAsync(user, meeting.TableId), MeetingAction.Read);
    }

    public ILiveFeedGrain Source(string key) => grains.GetGrain<IMeetingGrain>(Guid.Parse(key));

    public async Task<LiveSnapshot> SnapshotAsync(string key)
    {
        var meeting = await grains.GetGrain<IMeetingGrain>(Guid.Parse(key)).GetAsync()
            ?? throw new InvalidOperationException($"No meeting {key}.");
        return new LiveSnapshot(meeting.Version, meeting);
    }
}
