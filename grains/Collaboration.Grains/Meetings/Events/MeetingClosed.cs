namespace Collaboration.Grains.Meetings.Events;

[GenerateSerializer, Immutable]
public sealed record MeetingClosed(DateTimeOffset ClosedAt, IReadOnlyList<AgendaItemView> Agenda);
