using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Meetings;

/// <summary>An open action item carried from an earlier meeting.</summary>
[GenerateSerializer, Immutable]
public sealed record FollowUpItem(Guid Id, Guid OriginMeetingId, string OriginMeetingTitle, string Text, Guid OwnerMemberId, string OwnerName, DateOnly? Due);
