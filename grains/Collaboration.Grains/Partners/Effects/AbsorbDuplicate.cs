using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Partners.Effects;

/// <summary>A merge's effect on the survivor: the duplicate's names become its other names (once per duplicate).</summary>
[GenerateSerializer, Immutable]
[Alias("effect.absorb-duplicate")]
public sealed record AbsorbDuplicate([property: Id(0)] Guid SurvivorId, [property: Id(1)] Guid DuplicateId, [property: Id(2)] IReadOnlyList<string> Names) : IEffect
{
    public async Task<EffectResult> DeliverAsync(EffectContext context)
    {
        await context.Grains.GetGrain<IPartnerOrganisationGrain>(SurvivorId).AbsorbAsync(DuplicateId, Names);
        return EffectResult.Delivered;
    }
}
