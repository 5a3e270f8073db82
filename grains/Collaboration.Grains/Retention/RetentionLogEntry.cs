namespace Collaboration.Grains.Retention;

/// <summary>One line of the audit log: what was anonymised, when, how many records, and whether it is done. No personal data.</summary>
[GenerateSerializer]
public sealed class RetentionLogEntry
{
    [Id(0)] public long Id { get; set; }
    [Id(1)] public DateTimeOffset At { get; set; }
    [Id(2)] public RetentionKind Kind { get; set; }
    [Id(3)] public string Subject { get; set; } = "";
    [Id(4)] public string Title { get; set; } = "";
    [Id(5)] public int Records { get; set; }
    [Id(6)] public RetentionTrigger Trigger { get; set; }
    [Id(7)] public DateTimeOffset? CompletedAt { get; set; }
    [Id(8)] public string By { get; set; } = "";
}
