namespace Collaboration.Web.Coordination;

public sealed record AttendedMeeting(Guid MeetingId, string Title, DateTimeOffset StartsAt, Guid TableId, string TableName, IReadOnlyList<string> Attendees);
