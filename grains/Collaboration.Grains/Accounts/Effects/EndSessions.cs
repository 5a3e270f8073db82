using Collaboration.Grains.Platform;
using Collaboration.Grains.Sessions;

namespace Collaboration.Grains.Accounts.Effects;

/// <summary>
/// Ends every session of a subject, as the effect of the write that decided it (an organiser deactivated, a password
/// reset): recorded in that write, delivered after it commits, re-driven if the node dies between. The receiver ends
/// only sessions still active, so the same effect twice ends nothing more; each ended session reaches every node
/// through the live relay.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("effect.end-sessions")]
public sealed record EndSessions([property: Id(0)] string Subject, [property: Id(1)] string Reason) : IEffect
{
    public string? Key => "sessions";

    public async Task<EffectResult> DeliverAsync(EffectContext context)
    {
        await context.Grains.GetGrain<ISubjectSessionsGrain>(Subject).EndAllAsync(Reason);
        return EffectResult.Delivered;
    }
}
