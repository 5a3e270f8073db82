using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Meetings;

/// <summary>A new meeting; <see cref="Agenda"/> is a series' template (its minutes-adoption slot takes <see cref="MinutesToAdopt"/>, or goes).</summary>
[GenerateSerializer, Immutable]
public sealed record MeetingSetup(
    Guid TableId, string TableName, string Title, DateTimeOffset StartsAt, string Location, int Quorum,
    IReadOnlyList<RosterMember> Roster, IReadOnlyList<FollowUpItem> FollowUps, string CreatedBy, MinutesToAdopt? MinutesToAdopt = null,
    IReadOnlyList<AgendaTemplateItem>? Agenda = null);
