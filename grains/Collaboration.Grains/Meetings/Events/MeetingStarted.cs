namespace Collaboration.Grains.Meetings.Events;

[GenerateSerializer, Immutable]
public sealed record MeetingStarted(DateTimeOffset StartedAt, Guid? CurrentItemId, IReadOnlyList<AgendaItemView> Agenda);
