namespace Collaboration.Grains.Meetings.Events;

public sealed record MeetingCreated(MeetingView Meeting);
