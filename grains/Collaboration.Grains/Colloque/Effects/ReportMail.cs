using Collaboration.Grains.Mail;
using Collaboration.Grains.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Grains.Colloque;

/// <summary>
/// A registration's outbox, owed to the colloque's mail ledger (which keeps the highest version). The report is made when
/// it is delivered, from the registration's committed messages with their latest outcome: delivered after the emails were
/// handed to the transport, it says they were sent, though that is written only with the registration's next write.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("effect.report-mail")]
public sealed record ReportMail([property: Id(0)] Guid ColloqueId) : IEffect
{
    public string? Key => "mail-ledger";

    // After the emails it reports were handed to the transport.
    public bool DeliveredLast => true;

    public async Task<EffectResult> DeliverAsync(EffectContext context)
    {
        var report = ((RegistrationState)context.State).MailReport(context.Sender.Key.ToString()!, context.Services.GetService<IMailDelivery>());
        await context.Grains.GetGrain<IColloqueOutboxGrain>(ColloqueId).ReportAsync(report);
        return EffectResult.Delivered;
    }
}
