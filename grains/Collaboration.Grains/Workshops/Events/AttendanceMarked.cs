namespace Collaboration.Grains.Workshops.Events;

/// <summary>The organiser marked attendance on the day. Every workshop event carries the counts, which is all the public topic shows.</summary>
[GenerateSerializer, Immutable]
public sealed record AttendanceMarked(string Code, bool Attended, WorkshopCounts Counts) : IWorkshopEvent;
