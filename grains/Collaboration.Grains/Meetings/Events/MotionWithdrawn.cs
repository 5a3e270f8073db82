namespace Collaboration.Grains.Meetings.Events;

[GenerateSerializer, Immutable]
public sealed record MotionWithdrawn(MotionView Motion);
