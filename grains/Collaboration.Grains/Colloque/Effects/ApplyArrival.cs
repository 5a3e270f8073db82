using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Colloque;

/// <summary>A check-in or its undo, owed to the colloque's figures (applied once per code and check-in version).</summary>
[GenerateSerializer, Immutable]
[Alias("effect.apply-arrival")]
public sealed record ApplyArrival([property: Id(0)] Guid ColloqueId, [property: Id(1)] ArrivalChange Change) : IEffect
{
    public string? Key => "arrival";

    public async Task<EffectResult> DeliverAsync(EffectContext context)
    {
        await context.Grains.GetGrain<IColloqueGrain>(ColloqueId).ApplyArrivalAsync(Change);
        return EffectResult.Delivered;
    }
}
