using Collaboration.Grains.Live;
using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Meetings;

[GenerateSerializer]
public sealed class ActionItemState
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public string Text { get; set; } = "";
    [Id(2)] public Guid OwnerMemberId { get; set; }
    [Id(3)] public string OwnerName { get; set; } = "";
    [Id(4)] public DateOnly? Due { get; set; }
    [Id(5)] public ActionItemStatus Status { get; set; }
    [Id(6)] public Guid? AgendaItemId { get; set; }
    [Id(7)] public Guid? OriginMeetingId { get; set; }
    [Id(8)] public string? OriginMeetingTitle { get; set; }
    [Id(9)] public long Version { get; set; }

    /// <summary>When it was last marked done (null while open).</summary>
    [Id(10)] public DateTimeOffset? ClosedAt { get; set; }
}
