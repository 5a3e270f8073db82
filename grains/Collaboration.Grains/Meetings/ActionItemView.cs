using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Meetings;

[GenerateSerializer, Immutable]
public sealed record ActionItemView(
    Guid Id, string Text, Guid OwnerMemberId, string OwnerName, DateOnly? Due, ActionItemStatus Status, Guid? AgendaItemId,
    Guid? OriginMeetingId, string? OriginMeetingTitle, long Version, DateTimeOffset? ClosedAt = null);
