namespace Collaboration.Grains.Meetings.Events;

public sealed record CurrentItemChanged(Guid? CurrentItemId, IReadOnlyList<AgendaItemView> Agenda);
