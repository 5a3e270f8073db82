namespace Collaboration.Grains.Workshops;

public sealed class WorkshopSessionState
{
    public WorkshopDetails? Details { get; set; }
    public int Capacity { get; set; }
    public WorkshopStatus Status { get; set; }
    public long LastSequence { get; set; }

    /// <summary>In arrival order (ascending <see cref="WorkshopRegistration.Sequence"/>).</summary>
    public List<WorkshopRegistration> Registrations { get; set; } = [];

    /// <summary>
    /// The outbox: written in the same commit as the promotion that caused it, so a crash can
    /// never lose a notification nor record one for a promotion that did not happen.
    /// </summary>
    public List<OutboxMessage> Outbox { get; set; } = [];
    public long LastOutboxId { get; set; }
}
