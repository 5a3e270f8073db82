using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Colloque;

/// <summary>
/// Someone typed a registered address (the form, "find my registration"): the signups grain, which knows addresses only
/// by their hash, asks that registration to mail its manage link to its own address. Requests for one registration
/// replace each other while they wait; the registration sends at most one such email per few minutes.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("effect.send-manage-link")]
public sealed record SendManageLink([property: Id(0)] Guid ColloqueId, [property: Id(1)] string Code, [property: Id(2)] ManageLinkOffer Offer) : IEffect
{
    public string? Key => $"manage-link:{Code}";

    public async Task<EffectResult> DeliverAsync(EffectContext context)
    {
        await context.Grains.GetGrain<IRegistrationGrain>(Code).SendManageLinkAsync(ColloqueId, Offer);
        return EffectResult.Delivered;
    }
}
