using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Colloque;

/// <summary>A registration's cancellation, reinstatement or erasure, owed to the signups grain (which keeps the highest revision per code).</summary>
[GenerateSerializer, Immutable]
[Alias("effect.change-signup")]
public sealed record ChangeSignup([property: Id(0)] Guid ColloqueId, [property: Id(1)] string Code, [property: Id(2)] SignupChange Change,
    [property: Id(3)] long Revision) : IEffect
{
    // Cancel and reinstate replace each other (the latest is the truth); an erasure is its own.
    public string? Key => Change == SignupChange.Forget ? $"forget:{Code}" : $"cancel:{Code}";

    public async Task<EffectResult> DeliverAsync(EffectContext context)
    {
        await context.Grains.GetGrain<IColloqueSignupsGrain>(ColloqueId).ApplyRegistrationChangeAsync(Code, Change, Revision);
        return EffectResult.Delivered;
    }
}
