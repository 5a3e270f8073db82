using Collaboration.Grains.Live;

namespace Collaboration.Grains.Workshops;

[GenerateSerializer]
public sealed class WorkshopSessionState : ILiveState
{
    [Id(7)] public LiveLog Live { get; set; } = new();

    [Id(0)] public WorkshopDetails? Details { get; set; }
    [Id(1)] public int Capacity { get; set; }
    [Id(2)] public WorkshopStatus Status { get; set; }
    [Id(3)] public long LastSequence { get; set; }

    /// <summary>In arrival order (ascending <see cref="WorkshopRegistration.Sequence"/>).</summary>
    [Id(4)] public List<WorkshopRegistration> Registrations { get; set; } = [];

    /// <summary>
    /// The outbox: written in the same commit as the promotion that caused it, so a crash can
    /// never lose a notification nor record one for a promotion that did not happen.
    /// </summary>
    [Id(5)] public List<OutboxMessage> Outbox { get; set; } = [];
    [Id(6)] public long LastOutboxId { get; set; }
}
