namespace Collaboration.Grains.Meetings.Events;

public sealed record MeetingClosed(DateTimeOffset ClosedAt, IReadOnlyList<AgendaItemView> Agenda);
