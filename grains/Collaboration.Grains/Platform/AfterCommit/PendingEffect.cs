namespace Collaboration.Grains.Platform;

/// <summary>One recorded effect, waiting for its receiver's acknowledgement.</summary>
[GenerateSerializer]
[Alias("pending-effect")]
public sealed class PendingEffect
{
    /// <summary>Unique in its sender, rising: effects are first tried in the order they were recorded.</summary>
    [Id(0)] public long Id { get; set; }
    [Id(1)] public IEffect Effect { get; set; } = null!;
    [Id(2)] public DateTimeOffset RecordedAt { get; set; }
}
