namespace Collaboration.Grains.Tables.Events;

public sealed record TableMeetingScheduled(Guid MeetingId, string Title, DateTimeOffset StartsAt);
