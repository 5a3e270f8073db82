namespace Collaboration.Grains.Meetings.Events;

public sealed record MeetingStarted(DateTimeOffset StartedAt, Guid? CurrentItemId, IReadOnlyList<AgendaItemView> Agenda);
