using Collaboration.Grains.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collaboration.Grains.Platform;

/// <summary>
/// The outbox delivery of a grain whose state holds a <see cref="MailOutbox"/>.
/// <para>
/// <b>One sender per message.</b> Only this grain's activation sends its messages, and Orleans
/// keeps one activation in the cluster, so two nodes never send the same one. After a commit the
/// pending messages go to <see cref="IMailDelivery"/> (a few at a time); each result is recorded
/// by an ordinary (coalesced) write once the server answered: a 250 marks it sent and drops its
/// body, a 5xx marks it failed, a 4xx or a dead connection retries it with doubling delays.
/// </para>
/// <para>
/// <b>Crashes.</b> Before the first write that commits a pending message, the grain registers the
/// Orleans reminder <see cref="MailReminder"/> (durable, in the reminder table); if the node dies
/// at any point before the delivery is recorded, the reminder re-activates the grain on a live
/// silo, whose activation sends what is still pending — with the Message-ID fixed at record time,
/// so the one repeat possible (killed between the 250 and the record) folds into one in mail
/// clients. The reminder is dropped once nothing is pending.
/// </para>
/// </summary>
public abstract partial class DurableGrain<TState>
{
    public const string MailReminder = "mail-outbox";

    private IMailDelivery? _delivery;
    private MailSchedule _schedule = new();
    private bool _mailReady;
    private bool _delivering;
    private bool _driveAgain;
    private bool _mailReminderRegistered;
    private readonly Dictionary<long, long> _retryAtTick = [];
    private IGrainTimer? _retryTimer;

    private MailOutbox? Outbox => (State as IMailOutboxState)?.Mail;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        PrepareMail();
        // Pending messages at activation were committed after their reminder was registered.
        if (Outbox is { HasPending: true }) _mailReminderRegistered = true;
        DriveMail();
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == MailReminder)
        {
            PrepareMail();
            if (Outbox is { HasPending: true }) DriveMail();
            else await UnregisterMailReminderAsync();
            return;
        }
        await OnReminderAsync(reminderName, status);
    }

    /// <summary>The grain's own reminders (other than the outbox's).</summary>
    protected virtual Task OnReminderAsync(string reminderName, TickStatus status) => Task.CompletedTask;

    public Task<IReadOnlyList<OutboxMailView>> GetMailAsync()
    {
        PrepareMail();
        var views = new List<OutboxMailView>();
        foreach (var mail in Outbox?.Messages ?? [])
        {
            var view = OutboxMailView.From(mail);
            if (view.Subject is null && _delivery is not null && mail.Data is not null) view = view with { Subject = _delivery.SubjectOf(mail) };
            views.Add(view);
        }
        return Task.FromResult<IReadOnlyList<OutboxMailView>>(views);
    }

    public async Task<bool> ResendMailAsync(long mailId)
    {
        var mail = Outbox?.Messages.Find(m => m.Id == mailId);
        if (mail is not { Status: MailStatus.Failed, Data: not null }) return false;
        mail.Status = MailStatus.Pending;
        mail.Attempts = 0;
        mail.LastError = null;
        _retryAtTick.Remove(mailId);
        await WriteStateAsync();
        return true;
    }

    private void PrepareMail()
    {
        if (_mailReady) return;
        _mailReady = true;
        if (State is not IMailOutboxState) return;
        _delivery = ServiceProvider.GetService<IMailDelivery>();
        _schedule = ServiceProvider.GetService<IOptions<MailSchedule>>()?.Value ?? new MailSchedule();
    }

    /// <summary>Registers the re-drive reminder before a pending message is first committed.</summary>
    private async Task BeforeMailWriteAsync()
    {
        PrepareMail();
        if (_delivery is null || _mailReminderRegistered || Outbox is not { HasPending: true }) return;
        await this.RegisterOrUpdateReminder(MailReminder, _schedule.RedrivePeriod, _schedule.RedrivePeriod);
        _mailReminderRegistered = true;
    }

    private async Task UnregisterMailReminderAsync()
    {
        _mailReminderRegistered = false;
        try
        {
            if (await this.GetReminder(MailReminder) is { } reminder) await this.UnregisterReminder(reminder);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger().LogWarning(e, "Could not drop the outbox reminder of {GrainId}; it fires again and finds nothing", this.GetGrainId());
        }
    }

    /// <summary>Starts delivery of what is due, unless it is running (then it looks again when done).</summary>
    private void DriveMail()
    {
        if (_delivery is null || _broken is not null || Outbox is not { HasPending: true }) return;
        if (_delivering)
        {
            _driveAgain = true;
            return;
        }
        _delivering = true;
        _ = DeliverAsync();
    }

    private async Task DeliverAsync()
    {
        try
        {
            do
            {
                _driveAgain = false;
                var now = Environment.TickCount64;
                var due = Outbox!.Messages.Where(m => m.Status == MailStatus.Pending &&
                    (!_retryAtTick.TryGetValue(m.Id, out var at) || at <= now)).ToList();
                var inFlight = new List<Task>();
                foreach (var mail in due)
                {
                    if (inFlight.Count >= Math.Max(1, _delivery!.MaxConcurrency))
                        inFlight.Remove(await Task.WhenAny(inFlight));
                    inFlight.Add(SendAsync(mail));
                }
                await Task.WhenAll(inFlight);
            }
            while (_driveAgain && _broken is null);
        }
        catch (GrainStorageUnavailableException)
        {
            return; // the activation is discarded; the next one (or the reminder) sends what is pending
        }
        finally
        {
            _delivering = false;
        }
        if (_broken is not null) return;
        if (Outbox!.HasPending) ScheduleRetry();
        else if (_mailReminderRegistered) await UnregisterMailReminderAsync();
        if (_driveAgain) DriveMail();
    }

    private async Task SendAsync(OutboxMail mail)
    {
        MailDeliveryResult result;
        try
        {
            result = await _delivery!.DeliverAsync(mail, CancellationToken.None);
        }
        catch (Exception e)
        {
            result = new MailDeliveryResult(MailDeliveryOutcome.Retry, mail.Subject ?? "", e.Message);
        }
        if (mail.Status != MailStatus.Pending) return;
        mail.Attempts++;
        mail.LastAttemptAt = Now;
        mail.Subject = result.Subject;
        switch (result.Outcome)
        {
            case MailDeliveryOutcome.Delivered:
                mail.Status = MailStatus.Sent;
                mail.SentAt = Now;
                mail.Data = null; // no body kept after delivery
                mail.LastError = null;
                _retryAtTick.Remove(mail.Id);
                break;
            case MailDeliveryOutcome.Refused:
                mail.Status = MailStatus.Failed;
                mail.LastError = result.Error;
                _retryAtTick.Remove(mail.Id);
                break;
            default:
                mail.LastError = result.Error;
                if (mail.Attempts >= _schedule.MaxAttempts)
                {
                    mail.Status = MailStatus.Failed;
                    _retryAtTick.Remove(mail.Id);
                }
                else
                {
                    _retryAtTick[mail.Id] = Environment.TickCount64 + (long)Backoff(mail.Attempts).TotalMilliseconds;
                }
                break;
        }
        await WriteStateAsync(); // the delivery record
    }

    private TimeSpan Backoff(int attempts)
    {
        var delay = _schedule.RetryBaseDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        return delay < _schedule.RetryMaxDelay ? delay : _schedule.RetryMaxDelay;
    }

    private void ScheduleRetry()
    {
        var next = _retryAtTick.Count == 0 ? Environment.TickCount64 : _retryAtTick.Values.Min();
        var delay = TimeSpan.FromMilliseconds(Math.Max(10, next - Environment.TickCount64));
        _retryTimer?.Dispose();
        _retryTimer = this.RegisterGrainTimer(() =>
        {
            DriveMail();
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { Interleave = true });
    }

    private ILogger Logger() => ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(GetType());
}
