using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Meetings;

/// <summary>Draft → in progress → closed; or draft → cancelled (never held). Closed and cancelled are read-only.</summary>
public enum MeetingStatus { Draft, InProgress, Closed, Cancelled }
