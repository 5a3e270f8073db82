namespace Collaboration.Grains.Platform;

/// <summary>
/// The effects a grain's committed changes still owe to others: part of its state (<see cref="IEffectState"/>),
/// so an effect exists if and only if the change that caused it committed.
/// </summary>
[GenerateSerializer]
[Alias("effect-outbox")]
public sealed class EffectOutbox
{
    [Id(0)] public List<PendingEffect> Pending { get; set; } = [];
    [Id(1)] public long LastId { get; set; }

    public bool IsEmpty => Pending.Count == 0;

    /// <summary>
    /// Records an effect, to be delivered once the write that carries it has committed. A waiting effect
    /// with the same <see cref="IEffect.Key"/> is replaced (not one already being delivered: that one is
    /// acknowledged on its own and this one follows it).
    /// </summary>
    /// <returns>The recorded effect, and the waiting ones it replaced.</returns>
    public (PendingEffect Added, List<PendingEffect> Replaced) Add(IEffect effect, DateTimeOffset now, ISet<PendingEffect>? inFlight = null)
    {
        var replaced = effect.Key is { } key
            ? Pending.FindAll(p => p.Effect.Key == key && (inFlight is null || !inFlight.Contains(p)))
            : [];
        foreach (var old in replaced) Pending.Remove(old);
        var added = new PendingEffect { Id = ++LastId, Effect = effect, RecordedAt = now };
        Pending.Add(added);
        return (added, replaced);
    }
}
