using System.Collections.Concurrent;
using Collaboration.Grains.Meetings;

namespace Collaboration.Web.Meetings;

/// <summary>
/// Each meeting's table, as this node found it. A meeting never changes table, so the answer is remembered: the
/// permission check of a meeting route (<see cref="RequireMeetingPermission"/>) then calls no meeting grain at all,
/// where it used to copy the whole meeting across nodes for each request (for each of a vote's hundreds of ballots).
/// Only what the check needs never to change is kept here: a member's access is read from the table at every request.
/// </summary>
public sealed class MeetingTables(IGrainFactory grains)
{
    /// <summary>Far more meetings than a node serves between restarts; past it the list starts again (each costs one small call to find).</summary>
    internal const int Capacity = 20_000;

    private readonly ConcurrentDictionary<Guid, Guid> _tableOf = new();

    /// <summary>The meeting's table; null when there is no such meeting (not remembered: the answer is asked again next time).</summary>
    public async ValueTask<Guid?> TableOfAsync(Guid meetingId)
    {
        if (_tableOf.TryGetValue(meetingId, out var known)) return known;
        if (await grains.GetGrain<IMeetingGrain>(meetingId).GetTableIdAsync() is not { } tableId) return null;
        if (_tableOf.Count >= Capacity) _tableOf.Clear(); // bounded: rare, and only costs each meeting one call again
        _tableOf[meetingId] = tableId;
        return tableId;
    }
}
