using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Meetings;

[GenerateSerializer, Immutable]
public sealed record MeetingSetup(
    Guid TableId, string TableName, string Title, DateTimeOffset StartsAt, string Location, int Quorum,
    IReadOnlyList<RosterMember> Roster, IReadOnlyList<FollowUpItem> FollowUps, string CreatedBy, MinutesToAdopt? MinutesToAdopt = null);
