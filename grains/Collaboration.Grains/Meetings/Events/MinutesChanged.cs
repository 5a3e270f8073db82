namespace Collaboration.Grains.Meetings.Events;

[GenerateSerializer, Immutable]
public sealed record MinutesChanged(MinutesView Minutes);
