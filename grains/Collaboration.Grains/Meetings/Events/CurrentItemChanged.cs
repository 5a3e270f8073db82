namespace Collaboration.Grains.Meetings.Events;

[GenerateSerializer, Immutable]
public sealed record CurrentItemChanged(Guid? CurrentItemId, IReadOnlyList<AgendaItemView> Agenda);
