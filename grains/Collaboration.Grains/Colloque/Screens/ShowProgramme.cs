using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Colloque;

/// <summary>The programme's times as of the signups grain's version, owed to the colloque's room screens (which keep the newest).</summary>
[GenerateSerializer, Immutable]
[Alias("effect.show-programme")]
public sealed record ShowProgramme([property: Id(0)] Guid ColloqueId, [property: Id(1)] long Version,
    [property: Id(2)] IReadOnlyList<ScreenSession> Sessions) : IEffect
{
    public string? Key => "screens";

    public async Task<EffectResult> DeliverAsync(EffectContext context)
    {
        await context.Grains.GetGrain<IColloqueScreensGrain>(ColloqueId).ShowProgrammeAsync(Version, Sessions);
        return EffectResult.Delivered;
    }
}
