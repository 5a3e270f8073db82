using Collaboration.Grains.Platform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collaboration.Grains.Mail;

/// <summary>
/// The after-commit effect that hands one message of the sender's <see cref="MailOutbox"/> to
/// <see cref="IMailDelivery"/>. Only the sender's one activation sends its messages, so two nodes
/// never send the same one; a 250 marks it sent and drops its body, a 5xx (or too many temporary
/// failures) marks it failed, a 4xx or a dead connection retries it with doubling delays. The
/// Message-ID is fixed when the message is recorded, so the one repeat possible (a crash between
/// the server's 250 and the record; for a colloque registration, before its next write or its
/// deactivation, which the record waits for) folds into one in mail clients, and replaces its own
/// file in a pickup folder.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("effect.send-mail")]
public sealed record SendMail([property: Id(0)] long MailId) : IEffect
{
    public string? Key => $"mail:{MailId}";

    public async Task<EffectResult> DeliverAsync(EffectContext context)
    {
        var outbox = ((IMailOutboxState)context.State).Mail;
        var mail = outbox.Messages.Find(m => m.Id == MailId);
        if (mail is not { Status: MailStatus.Pending }) return EffectResult.Delivered; // erased, or settled meanwhile
        var schedule = context.Services.GetService<IOptions<MailSchedule>>()?.Value ?? new MailSchedule();
        if (context.Services.GetService<IMailDelivery>() is not { } delivery)
        {
            context.RetryAfter = schedule.RetryMaxDelay; // no sender on this host (grain tests): the message waits
            return EffectResult.Retry;
        }

        if (context.Services.GetService<MailRate>()?.WaitBeforeSending() is { } wait)
        {
            context.RetryAfter = wait; // its turn comes: not an attempt, nothing recorded
            return EffectResult.Retry;
        }

        MailDeliveryResult result;
        try
        {
            result = await delivery.DeliverAsync(mail, CancellationToken.None);
        }
        catch (Exception e)
        {
            result = new MailDeliveryResult(MailDeliveryOutcome.Retry, mail.Subject ?? "", e.Message);
        }
        if (mail.Status != MailStatus.Pending) return EffectResult.Delivered;
        // A failure is recorded at once (its attempts count); a message sent, with the sender's next write where the sender
        // chooses it (AfterCommitGrain.OutcomesWaitForNextWrite): lost with a crash, it is only sent again under its Message-ID.
        context.StateChanged = result.Outcome != MailDeliveryOutcome.Delivered;
        context.StateChangedLater = result.Outcome == MailDeliveryOutcome.Delivered;
        mail.Attempts++;
        mail.LastAttemptAt = context.Now;
        mail.Subject = result.Subject;
        switch (result.Outcome)
        {
            case MailDeliveryOutcome.Delivered:
                mail.Status = MailStatus.Sent;
                mail.SentAt = context.Now;
                mail.Data = null; // no body kept after delivery
                mail.LastError = null;
                ConcertationMetrics.Emails.Add(1, new KeyValuePair<string, object?>("outcome", "sent"));
                return EffectResult.Delivered;
            case MailDeliveryOutcome.Refused:
                mail.Status = MailStatus.Failed;
                mail.LastError = result.Error;
                ConcertationMetrics.Emails.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
                return EffectResult.Delivered;
            default:
                mail.LastError = result.Error;
                if (mail.Attempts >= schedule.MaxAttempts)
                {
                    mail.Status = MailStatus.Failed;
                    ConcertationMetrics.Emails.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
                    return EffectResult.Delivered;
                }
                ConcertationMetrics.Emails.Add(1, new KeyValuePair<string, object?>("outcome", "retry"));
                var delay = schedule.RetryBaseDelay * Math.Pow(2, Math.Min(mail.Attempts - 1, 20));
                context.RetryAfter = delay < schedule.RetryMaxDelay ? delay : schedule.RetryMaxDelay;
                return EffectResult.Retry;
        }
    }

    /// <summary>Gives every pending message without one its effect (called before each write of a grain with an outbox).</summary>
    public static void QueuePending(MailOutbox outbox, EffectOutbox effects, DateTimeOffset now, ISet<PendingEffect> inFlight)
    {
        if (!outbox.HasPending) return;
        var queued = effects.Pending.Select(p => p.Effect).OfType<SendMail>().Select(s => s.MailId).ToHashSet();
        foreach (var mail in outbox.Messages)
            if (mail.Status == MailStatus.Pending && !queued.Contains(mail.Id))
            {
                effects.Add(new SendMail(mail.Id), now, inFlight);
                ConcertationMetrics.EmailsQueued.Add(1);
            }
    }
}
