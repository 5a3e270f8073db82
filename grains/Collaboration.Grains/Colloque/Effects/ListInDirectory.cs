using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Colloque;

/// <summary>A registration's entry in its colloque's name directory, as of its revision (the directory keeps the highest).</summary>
[GenerateSerializer, Immutable]
[Alias("effect.list-in-directory")]
public sealed record ListInDirectory([property: Id(0)] Guid ColloqueId, [property: Id(1)] DirectoryEntry Entry) : IEffect
{
    public string? Key => "directory";

    public async Task<EffectResult> DeliverAsync(EffectContext context)
    {
        await context.Grains.GetGrain<IColloqueDirectoryGrain>(ColloqueId).UpsertAsync([Entry]);
        return EffectResult.Delivered;
    }
}
