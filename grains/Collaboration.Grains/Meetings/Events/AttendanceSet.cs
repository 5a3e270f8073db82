namespace Collaboration.Grains.Meetings.Events;

public sealed record AttendanceSet(AttendanceView Attendance, QuorumView Quorum);
