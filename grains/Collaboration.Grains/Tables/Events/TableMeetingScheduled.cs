namespace Collaboration.Grains.Tables.Events;

[GenerateSerializer, Immutable]
public sealed record TableMeetingScheduled(Guid MeetingId, string Title, DateTimeOffset StartsAt);
