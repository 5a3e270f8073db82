using System.Security.Claims;
using Collaboration.Grains.Live;
using Collaboration.Grains.Meetings;
using Collaboration.Grains.Meetings.Events;
using Collaboration.Web.Live;

namespace Collaboration.Web.Meetings;

/// <summary>"meeting:{id}": every change of the meeting, for the table's members and the organisers.</summary>
public sealed class MeetingTopic(IGrainFactory grains, MeetingsPermissions permissions, MeetingTables tables) : ILiveTopic
{
    public const string TopicPrefix = "meeting";

    public string Prefix => TopicPrefix;

    public string Feed => "meeting";

    public ValueTask<bool> CanSubscribeAsync(ClaimsPrincipal user, string key) => MayReadAsync(tables, permissions, user, key);

    /// <summary>Who may follow a meeting (here, or its minutes on <see cref="MinutesTopic"/>): whoever may read it.</summary>
    internal static async ValueTask<bool> MayReadAsync(MeetingTables tables, MeetingsPermissions permissions, ClaimsPrincipal user, string key)
    {
        if (!Guid.TryParse(key, out var id)) return false;
        return await tables.TableOfAsync(id) is { } tableId && await permissions.AllowsAsync(user, MeetingAction.Read, tableId);
    }

    public ILiveFeedGrain Source(string key) => grains.GetGrain<IMeetingGrain>(Guid.Parse(key));

    public async Task<LiveSnapshot> SnapshotAsync(string key)
    {
        var meeting = await grains.GetGrain<IMeetingGrain>(Guid.Parse(key)).GetAsync()
            ?? throw new InvalidOperationException($"No meeting {key}.");
        return new LiveSnapshot(meeting.Version, meeting.ForMembers());
    }

    /// <summary>
    /// Members and the chair share this topic: a running vote whose totals the chair hides goes out as the count
    /// of ballots only (the chair's screen reads the totals over HTTP); everything else whole.
    /// </summary>
    public object? Project(string key, LiveEvent liveEvent) => liveEvent.Data switch
    {
        BallotCast { TotalsVisible: false } b => new HiddenTally(b.MotionId, b.Tally.Ballots),
        HandsCounted { TotalsVisible: false } h => new HiddenTally(h.MotionId, h.Tally.Ballots),
        MotionOpened o => o with { Motion = o.Motion.ForMembers() },
        _ => liveEvent.Data,
    };

    /// <summary>What members see of a ballot while the totals are hidden: that one more was cast.</summary>
    private sealed record HiddenTally(Guid MotionId, int Ballots)
    {
        public bool TotalsVisible => false;
    }
}
