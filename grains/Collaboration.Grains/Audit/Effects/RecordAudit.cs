using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Audit.Effects;

/// <summary>An audit entry, recorded in the same write as the change it describes and delivered to the audit log after it commits.</summary>
[GenerateSerializer, Immutable]
[Alias("effect.record-audit")]
public sealed record RecordAudit([property: Id(0)] AuditEntry Entry) : IEffect
{
    public async Task<EffectResult> DeliverAsync(EffectContext context)
    {
        await context.Grains.GetGrain<IAuditLogGrain>(AuditLogGrain.Key).RecordAsync(Entry);
        return EffectResult.Delivered;
    }
}
