using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Colloque;

/// <summary>An erased attendee's name, owed to be forgotten by the colloque's recent arrivals (the counts stay).</summary>
[GenerateSerializer, Immutable]
[Alias("effect.forget-arrival-name")]
public sealed record ForgetArrivalName([property: Id(0)] Guid ColloqueId, [property: Id(1)] string Code) : IEffect
{
    public string? Key => "forget-arrival-name";

    public async Task<EffectResult> DeliverAsync(EffectContext context)
    {
        await context.Grains.GetGrain<IColloqueGrain>(ColloqueId).ForgetNameAsync(Code);
        return EffectResult.Delivered;
    }
}
