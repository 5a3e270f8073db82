using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Colloque;

/// <summary>
/// The signups grain tells a registration the place it decided (at sign-up, on a promotion, at the door).
/// The registration applies the highest <see cref="PlaceNotice.Sequence"/> only, and records the attendee's
/// email in its own write. A registration that does not exist after several tries (its node died before it
/// wrote, so nobody was told they had a place) gives its place back.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("effect.tell-place")]
public sealed record TellPlace([property: Id(0)] Guid ColloqueId, [property: Id(1)] string Code, [property: Id(2)] PlaceNotice Notice) : IEffect
{
    /// <summary>Tries before a registration that never appeared gives its place back (a few seconds in all).</summary>
    public const int UnknownAttempts = 6;

    public string? Key => $"place:{Code}";

    public async Task<EffectResult> DeliverAsync(EffectContext context)
    {
        if (await context.Grains.GetGrain<IRegistrationGrain>(Code).TellPlaceAsync(ColloqueId, Notice)) return EffectResult.Delivered;
        if (context.Attempt < UnknownAttempts) return EffectResult.Retry;
        await context.Grains.GetGrain<IColloqueSignupsGrain>(ColloqueId).ReleaseOrphanAsync(Code);
        return EffectResult.Delivered;
    }
}
