namespace Collaboration.Web.Colloque;

public sealed record AttendeesResponse(long Version, IReadOnlyList<AttendeeJson> Attendees);
