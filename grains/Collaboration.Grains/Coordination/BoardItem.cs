using Collaboration.Grains.Meetings;

namespace Collaboration.Grains.Coordination;

/// <summary>
/// One action item of a table as the board shows it, taken from the latest meeting that carries it
/// (<see cref="MeetingId"/>, where its status is changed: earlier meetings keep it as it was then).
/// <see cref="RaisedInMeetingId"/> is the meeting where it was first recorded.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BoardItem(
    Guid ItemId,
    string Text,
    Guid OwnerMemberId,
    string OwnerName,
    DateOnly? Due,
    ActionItemStatus Status,
    DateTimeOffset? ClosedAt,
    Guid MeetingId,
    string MeetingTitle,
    MeetingStatus MeetingStatus,
    Guid RaisedInMeetingId,
    string RaisedInMeetingTitle,
    DateTimeOffset RaisedAt,
    long Version);
