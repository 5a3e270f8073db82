using Collaboration.Grains.Platform;
using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Partners.Effects;

/// <summary>A merge's effect on the tables: every member linked to the duplicate is linked to the survivor (a second delivery finds none left).</summary>
[GenerateSerializer, Immutable]
[Alias("effect.relink-members")]
public sealed record RelinkMembers([property: Id(0)] Guid From, [property: Id(1)] Guid To) : IEffect
{
    public async Task<EffectResult> DeliverAsync(EffectContext context)
    {
        var tables = await context.Grains.GetGrain<ITableDirectoryGrain>("default").ListAsync();
        await Task.WhenAll(tables.Select(t => context.Grains.GetGrain<ITableGrain>(t.Id).ReplaceOrganisationAsync(From, To)));
        return EffectResult.Delivered;
    }
}
