using Collaboration.Grains.Meetings;

namespace Collaboration.Grains.Coordination;

/// <summary>A meeting's action items (its own and those it follows up) and decisions (votes' results included) as of <see cref="Version"/>: what the board is fed.</summary>
[GenerateSerializer, Immutable]
public sealed record MeetingActionItems(
    Guid MeetingId, Guid TableId, string Title, DateTimeOffset StartsAt, MeetingStatus Status, long Version, IReadOnlyList<ActionItemView> Items,
    IReadOnlyList<BoardDecision>? Decisions = null)
{
    public static MeetingActionItems From(MeetingView meeting) => new(
        meeting.Id, meeting.TableId, meeting.Title, meeting.StartsAt, meeting.Status, meeting.Version, [.. meeting.ActionItems, .. meeting.FollowUps],
        [.. meeting.Decisions.Select(d => BoardDecision.From(d, meeting))]);
}
