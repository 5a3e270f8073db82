namespace Collaboration.Grains.Meetings.Events;

[GenerateSerializer, Immutable]
public sealed record FloorChanged(FloorView Floor);
