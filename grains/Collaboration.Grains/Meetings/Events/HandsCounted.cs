namespace Collaboration.Grains.Meetings.Events;

[GenerateSerializer, Immutable]
public sealed record HandsCounted(Guid MotionId, bool TotalsVisible, MotionTally Tally);
