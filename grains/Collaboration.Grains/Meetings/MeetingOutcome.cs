using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Meetings;

/// <summary>Applied, or why not. Stale comes with the current value in <see cref="MeetingResult.Current"/>.</summary>
public enum MeetingOutcome { Applied, NotFound, AlreadyExists, Stale, ReadOnly, WrongStatus, UnknownItem, UnknownMember, Invalid, NoRecipients }
