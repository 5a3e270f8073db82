namespace Collaboration.Grains.Meetings.Events;

/// <summary>The notice went to <paramref name="Recipients"/> members (SEQUENCE <paramref name="Sequence"/>: 0 the first time).</summary>
[GenerateSerializer, Immutable]
public sealed record NoticeSent(int Sequence, DateTimeOffset SentAt, int Recipients);
