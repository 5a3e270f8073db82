namespace Collaboration.Grains.Colloque;

/// <summary>One breakout choice as stored; <see cref="Sequence"/> orders the atelier's waitlist.</summary>
[GenerateSerializer]
public sealed class ChoiceEntry
{
    [Id(0)] public Guid SessionId { get; set; }
    [Id(1)] public ChoiceStatus Status { get; set; }
    [Id(2)] public long Sequence { get; set; }
}
