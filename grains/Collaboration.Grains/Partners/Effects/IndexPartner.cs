using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Partners.Effects;

/// <summary>The organisation as it now is, for the directory; a newer one replaces it while it waits (the directory keeps the newest version).</summary>
[GenerateSerializer, Immutable]
[Alias("effect.index-partner")]
public sealed record IndexPartner([property: Id(0)] PartnerDirectoryEntry Entry) : IEffect
{
    public string? Key => "index";

    public async Task<EffectResult> DeliverAsync(EffectContext context)
    {
        await context.Grains.GetGrain<IPartnerDirectoryGrain>(PartnerDirectoryGrain.Key).UpsertAsync(Entry);
        return EffectResult.Delivered;
    }
}
