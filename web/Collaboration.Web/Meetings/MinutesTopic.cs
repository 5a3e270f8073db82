using System.Security.Claims;
using Collaboration.Grains.Live;
using Collaboration.Grains.Meetings;
using Collaboration.Web.Live;

namespace Collaboration.Web.Meetings;

/// <summary>
/// "minutes:{id}": the minutes page of a meeting follows it here rather than on "meeting:{id}", so a reader of the
/// minutes is not counted as present in the room. Fed by the same grain, with the same versions; each event goes out
/// as its type and version only, and the page reads the minutes again over HTTP (which applies who may see what).
/// </summary>
public sealed class MinutesTopic(IGrainFactory grains, MeetingsPermissions permissions, MeetingTables tables) : ILiveTopic
{
    public const string TopicPrefix = "minutes";

    public string Prefix => TopicPrefix;

    public string Feed => "meeting";

    public ValueTask<bool> CanSubscribeAsync(ClaimsPrincipal user, string key) => MeetingTopic.MayReadAsync(tables, permissions, user, key);

    public ILiveFeedGrain Source(string key) => grains.GetGrain<IMeetingGrain>(Guid.Parse(key));

    public async Task<LiveSnapshot> SnapshotAsync(string key)
    {
        var meeting = await grains.GetGrain<IMeetingGrain>(Guid.Parse(key)).GetAsync()
            ?? throw new InvalidOperationException($"No meeting {key}.");
        return new LiveSnapshot(meeting.Version, Changed.Instance);
    }

    /// <summary>Every event counts (no version gap): nothing of it but that the meeting changed.</summary>
    public object? Project(string key, LiveEvent liveEvent) => Changed.Instance;

    private sealed record Changed
    {
        public static readonly Changed Instance = new();
    }
}
