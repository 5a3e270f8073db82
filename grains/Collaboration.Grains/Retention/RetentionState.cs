using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Retention;

[GenerateSerializer]
public sealed class RetentionState : IEffectState
{
    [Id(0)] public RetentionSettings Settings { get; set; } = new();
    [Id(1)] public List<RetentionLogEntry> Log { get; set; } = [];
    [Id(2)] public long LastLogId { get; set; }

    /// <summary>"kind|subject" of each anonymisation decided: never decided twice, whatever the restarts or nodes.</summary>
    [Id(3)] public HashSet<string> Done { get; set; } = [];

    [Id(4)] public DateTimeOffset? LastRunAt { get; set; }

    [Id(90)] public EffectOutbox Effects { get; set; } = new();
}
