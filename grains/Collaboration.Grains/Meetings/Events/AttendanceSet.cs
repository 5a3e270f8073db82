namespace Collaboration.Grains.Meetings.Events;

[GenerateSerializer, Immutable]
public sealed record AttendanceSet(AttendanceView Attendance, QuorumView Quorum);
