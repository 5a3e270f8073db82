using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Colloque;

/// <summary>A registration's outbox as of its mail version, owed to the colloque's mail ledger (which keeps the highest).</summary>
[GenerateSerializer, Immutable]
[Alias("effect.report-mail")]
public sealed record ReportMail([property: Id(0)] Guid ColloqueId, [property: Id(1)] ColloqueMailReport Report) : IEffect
{
    public string? Key => "mail-ledger";

    // After the email it reports was handed to the transport: the report written with its outcome replaces this one.
    public bool DeliveredLast => true;

    public async Task<EffectResult> DeliverAsync(EffectContext context)
    {
        await context.Grains.GetGrain<IColloqueOutboxGrain>(ColloqueId).ReportAsync(Report);
        return EffectResult.Delivered;
    }
}
