namespace Collaboration.Grains.Meetings.Events;

[GenerateSerializer, Immutable]
public sealed record MotionOpened(MotionView Motion);
