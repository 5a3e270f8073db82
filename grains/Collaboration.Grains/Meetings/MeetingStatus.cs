using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Meetings;

public enum MeetingStatus { Draft, InProgress, Closed }
