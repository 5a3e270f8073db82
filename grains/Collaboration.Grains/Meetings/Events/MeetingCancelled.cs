namespace Collaboration.Grains.Meetings.Events;

/// <summary>The meeting will not be held; <paramref name="Notified"/> members who had its notice are told (METHOD:CANCEL).</summary>
[GenerateSerializer, Immutable]
public sealed record MeetingCancelled(DateTimeOffset CancelledAt, int Notified);
