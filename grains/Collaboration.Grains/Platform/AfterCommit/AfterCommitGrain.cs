using System.Globalization;
using Collaboration.Grains.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collaboration.Grains.Platform;

/// <summary>
/// The one after-commit path: what a change causes in other grains (or outside: an email) is an
/// <see cref="IEffect"/> recorded in this grain's state (<see cref="IEffectState"/>) by the same
/// write as the change, so it exists if and only if the change committed.
/// <list type="number">
/// <item>Before the first write that commits an effect, the Orleans reminder <see cref="Reminder"/> is
/// registered (durable, in the reminder table).</item>
/// <item>After each commit, this activation delivers the pending effects (a few at a time, oldest first; an effect
/// that reports this grain's own state, <see cref="IEffect.DeliveredLast"/>, after the others), retrying a failure
/// with growing delays.</item>
/// <item>A delivered effect is removed; the removal is written with the next write (a crash before it only
/// delivers the effect again, which its idempotent receiver ignores). A delivery that changed this grain's
/// own state is written at once (a failed email's attempts), or — in a grain that chooses it
/// (<see cref="OutcomesWaitForNextWrite"/>) — with the next write when a crash would only repeat it (an email marked
/// sent: <see cref="EffectContext.StateChangedLater"/>) and no report of this grain's state (<see cref="IEffect.DeliveredLast"/>)
/// went out without it; the deactivation writes what is left.</item>
/// <item>If the node dies at any point, the reminder wakes the grain on a live silo, and its new activation
/// delivers whatever is left; so does any activation that finds effects in its state. The reminder is
/// dropped once a tick finds nothing left, or the activation ends with nothing left.</item>
/// </list>
/// Emails are one kind of effect: every pending message of an <see cref="IMailOutboxState"/> gets a
/// <see cref="SendMail"/> effect in the write that records it. A grain that sends a message per person (a workshop
/// session) moves its sent messages out of its state into a <see cref="Ledger{TEntry}"/> (<see cref="SentMailLedger"/>),
/// so its writes do not grow with every message it ever sent.
/// </summary>
public abstract class AfterCommitGrain<TState> : DurableGrain<TState>, IRemindable where TState : class, new()
{
    public const string Reminder = "after-commit";

    private EffectSchedule _schedule = new();
    private ICrashPoints _crash = ICrashPoints.None;
    private bool _delivering;
    private bool _driveAgain;
    private bool _reminderRegistered;
    private Task? _dropping; // the reminder's removal under way
    private readonly HashSet<PendingEffect> _inFlight = [];
    private readonly Dictionary<PendingEffect, TaskCompletionSource> _waiters = [];
    private readonly List<TaskCompletionSource> _drainWaiters = [];
    private int _coveredByCaller;
    private readonly Dictionary<long, (int Attempts, long DueAtTick)> _retries = [];
    private IGrainTimer? _retryTimer;
    private bool _writingEffects;

    // Whether the last committed state still lists effects (delivered ones are dropped from it by a later write).
    private bool _storedEffects;

    // A delivery changed the state in a way that waits for the next write (EffectContext.StateChangedLater).
    private bool _unwrittenChanges;

    // A report of this grain's state (IEffect.DeliveredLast) went out since the last write: a later change would leave it stale.
    private bool _reportedSinceWrite;

    // Effects up to this id are in committed state: only those go out. A reentrant grain's call may record an effect
    // while a write that does not carry it is under way; that write's commit must neither deliver it nor report it.
    private long _committedThrough;
    private long _writingThrough;

    protected AfterCommitGrain(IPersistentState<TState> state, TimeProvider clock) : base(state, clock) { }

    // The sent messages, when this grain keeps them out of its state (SentMailLedger).
    private Ledger<OutboxMail>? _sentMail;

    private EffectOutbox? Effects => (State as IEffectState)?.Effects;

    /// <summary>
    /// Null: the outbox keeps its sent messages in the grain's state, rewritten with each write. A name (the grain's state
    /// name and a suffix, so two grain types never share rows): once sent, a message moves into a ledger of that name, and
    /// a write carries only the messages sent since their chunk was written.
    /// </summary>
    private protected virtual string? SentMailLedger => null;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (SentMailLedger is { } name && State is IMailOutboxState)
        {
            _sentMail = new Ledger<OutboxMail>(name, this.GetGrainId(), ServiceProvider, () => ((IMailOutboxState)State).Mail.Sent,
                m => m.Id.ToString(CultureInfo.InvariantCulture));
            await _sentMail.LoadAsync();
        }
        _schedule = ServiceProvider.GetService<IOptions<EffectSchedule>>()?.Value ?? new EffectSchedule();
        _crash = ServiceProvider.GetService<ICrashPoints>() ?? ICrashPoints.None;
        if (State is IEffectState) ServiceProvider.GetService<PendingEffects>()?.Track(this.GetGrainId(), () => [.. Effects?.Pending ?? []]);
        // Effects found at activation: their reminder (if they needed one) is in the table; the next write that needs one registers it again.
        if (Effects is { IsEmpty: false }) _storedEffects = true;
        _committedThrough = Effects?.LastId ?? 0; // what the stored state lists has committed
        DriveEffects();
        await base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if ((Effects is { IsEmpty: true } || _unwrittenChanges) && !IsBroken) await SettleAsync(_reminderRegistered);
        ServiceProvider.GetService<PendingEffects>()?.Untrack(this.GetGrainId());
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != Reminder)
        {
            await OnReminderAsync(reminderName, status);
            return;
        }
        if (Effects is { IsEmpty: false }) DriveEffects();
        else await SettleAsync(dropReminder: true);
    }

    /// <summary>Nothing left to deliver: the stored state forgets the delivered effects (and takes what deliveries changed), and the reminder goes.</summary>
    private async Task SettleAsync(bool dropReminder)
    {
        try
        {
            if (_storedEffects || _unwrittenChanges) await WriteStateAsync();
        }
        catch (GrainStorageUnavailableException)
        {
            return; // the reminder stays; its next tick settles
        }
        if (dropReminder) await DropReminderAsync();
    }

    /// <summary>
    /// True for a grain whose burst leaves many delivered effects in its stored state (one per attendee told): once all are
    /// delivered it writes at once, rather than at its next change or the reminder's tick, so its row does not carry them
    /// and a node's death does not deliver them all again. Off by default: for most grains that would be one more write.
    /// </summary>
    private protected virtual bool ForgetsDeliveredAtOnce => false;

    /// <summary>
    /// True for a grain that takes an outcome which may wait (<see cref="EffectContext.StateChangedLater"/>: an email marked
    /// sent) with its next write or its deactivation's, rather than a write of its own. Worth it for a grain per person
    /// (a colloque registration: one write fewer each), whose message a crash before that write sends again under its
    /// Message-ID; off by default, so a shared grain (a workshop session) records a delivery as soon as it happens.
    /// </summary>
    private protected virtual bool OutcomesWaitForNextWrite => false;

    /// <summary>The grain's own reminders (other than <see cref="Reminder"/>).</summary>
    protected virtual Task OnReminderAsync(string reminderName, TickStatus status) => Task.CompletedTask;

    /// <summary>The organiser's view of this grain's outbox (for a grain whose state is an <see cref="IMailOutboxState"/>), oldest first.</summary>
    public Task<IReadOnlyList<OutboxMailView>> GetMailAsync()
    {
        if (State is not IMailOutboxState { Mail: var mail }) return Task.FromResult<IReadOnlyList<OutboxMailView>>([]);
        var views = mail.Views(ServiceProvider.GetService<IMailDelivery>());
        if (_sentMail is { Entries.Count: > 0 } sent)
            views = [.. sent.Entries.Values.Select(OutboxMailView.From).Concat(views).OrderBy(v => v.Id)];
        return Task.FromResult(views);
    }

    /// <summary>
    /// A person erased: their messages not yet sent are dropped, and the sent ones keep no address (the organiser's view
    /// keeps their subject, status and time). A sent one in a ledger chunk has that chunk rewritten right after the write.
    /// </summary>
    protected void ForgetMailOf(string reference)
    {
        if (State is not IMailOutboxState { Mail: var mail }) return;
        mail.DropPendingFor(reference);
        foreach (var sent in mail.Messages.Where(m => m.Reference == reference)) sent.To = sent.ToName = "";
        if (_sentMail is null) return;
        foreach (var sent in _sentMail.Entries.Values.Where(m => m.Reference == reference).ToList())
        {
            sent.To = sent.ToName = "";
            _sentMail.Put(sent, sealSoon: true);
        }
    }

    /// <summary>A failed message goes back to pending (same Message-ID), and its <see cref="SendMail"/> effect with the write.</summary>
    public async Task<bool> ResendMailAsync(long mailId)
    {
        if (State is not IMailOutboxState { Mail: var mail } || !mail.Resend(mailId)) return false;
        await WriteStateAsync();
        return true;
    }

    /// <summary>Records an effect of the change being made; it goes out once the write carrying it has committed.</summary>
    protected PendingEffect RecordEffect(IEffect effect)
    {
        if (Effects is not { } effects) throw new InvalidOperationException($"{typeof(TState).Name} is not an {nameof(IEffectState)}.");
        var (added, replaced) = effects.Add(effect, Now, _inFlight);
        foreach (var old in replaced)
            if (_waiters.Remove(old, out var waiter)) _ = DeliveredAsync(added).ContinueWith(_ => waiter.TrySetResult(), TaskScheduler.Current);
        return added;
    }

    /// <summary>
    /// Completes once the effect was delivered (at once if it was): for a caller who must not be answered before the
    /// receivers have it (the organiser's list: a badge scanned right after the import must be found). Await it after
    /// the write; if the activation dies first, the effect is still delivered (by the next one), the caller just hears an error.
    /// </summary>
    protected Task DeliveredAsync(params PendingEffect[] effects) => Task.WhenAll(effects.Select(DeliveredAsync));

    protected Task DeliveredAsync(PendingEffect pending)
    {
        if (Effects is not { } effects || !effects.Pending.Contains(pending)) return Task.CompletedTask;
        if (!_waiters.TryGetValue(pending, out var waiter))
            _waiters[pending] = waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return waiter.Task;
    }

    private protected override object? OnWriting()
    {
        if (State is IMailOutboxState { Mail: var mail })
        {
            if (Effects is { } effects) SendMail.QueuePending(mail, effects, Now, _inFlight);
            if (_sentMail is { } sent)
            {
                mail.Messages.RemoveAll(m =>
                {
                    if (m.Status != MailStatus.Sent) return false;
                    sent.Put(m);
                    return true;
                });
                sent.OnWriting();
            }
        }
        return base.OnWriting();
    }

    private protected override void OnSealed()
    {
        base.OnSealed();
        _writingEffects = Effects is { IsEmpty: false };
        _writingThrough = Effects?.LastId ?? 0;
        _unwrittenChanges = false; // this write carries them
        _reportedSinceWrite = false; // and records a new report if they change what was reported
    }

    private protected override async Task BeforeWriteAsync()
    {
        await base.BeforeWriteAsync();
        if (_coveredByCaller == 0) await EnsureReminderAsync();
    }

    private async Task EnsureReminderAsync()
    {
        while (_dropping is { } dropping) await dropping; // a reminder being dropped must not take this write's along
        if (_reminderRegistered || Effects is not { IsEmpty: false }) return;
        await this.RegisterOrUpdateReminder(Reminder, _schedule.RedrivePeriod, _schedule.RedrivePeriod);
        _reminderRegistered = true;
    }

    /// <summary>
    /// The call being served is itself an effect of another grain, which keeps it until this call answers: if this node
    /// dies, that grain calls again and this grain's new activation delivers what it left. So the writes made meanwhile
    /// need no reminder of their own (two reminder-table writes saved per call). End with <see cref="HandOffAsync"/>.
    /// </summary>
    protected void CoveredByCaller() => _coveredByCaller++;

    /// <summary>
    /// Answers the covering caller once every effect is delivered — or, if that takes longer than
    /// <see cref="EffectSchedule.HandOffWait"/>, once this grain's own reminder has taken over.
    /// </summary>
    protected async Task HandOffAsync()
    {
        try
        {
            if (Effects is { IsEmpty: false })
            {
                var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _drainWaiters.Add(drained);
                await Task.WhenAny(drained.Task, Task.Delay(_schedule.HandOffWait));
                _drainWaiters.Remove(drained);
            }
        }
        finally
        {
            _coveredByCaller = Math.Max(0, _coveredByCaller - 1);
        }
        if (_coveredByCaller == 0 && !IsBroken) await EnsureReminderAsync();
    }

    private protected override void OnCommitted(object? written)
    {
        base.OnCommitted(written);
        _sentMail?.OnCommitted(WriteStateInBackground);
        _storedEffects = _writingEffects;
        _committedThrough = Math.Max(_committedThrough, _writingThrough);
        if (Effects is { IsEmpty: false } effects)
        {
            foreach (var pending in effects.Pending)
                if (pending.Id <= _committedThrough) _crash.Reached(CrashPoint.Committed, pending.Effect);
            DriveEffects();
        }
    }

    /// <summary>Starts delivering what is due, unless a delivery runs (then it looks again when done).</summary>
    private void DriveEffects()
    {
        if (IsBroken || Effects is not { IsEmpty: false }) return;
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
                var due = Effects!.Pending.Where(p => p.Id <= _committedThrough && !_inFlight.Contains(p) &&
                    (!_retries.TryGetValue(p.Id, out var retry) || retry.DueAtTick <= now)).ToList();
                // A report of this grain's state goes once the other due effects were tried (and their outcome written).
                if (due.Exists(p => !p.Effect.DeliveredLast) && due.RemoveAll(p => p.Effect.DeliveredLast) > 0) _driveAgain = true;
                // A sliding window, not batches: one slow receiver does not hold the others back.
                using var window = new SemaphoreSlim(Math.Max(1, _schedule.Concurrency));
                var results = await Task.WhenAll(due.Select(async pending => // how the sender's state changed
                {
                    await window.WaitAsync();
                    try
                    {
                        return await DeliverOneAsync(pending);
                    }
                    finally
                    {
                        window.Release();
                    }
                }));
                // A change that may wait does, unless a report already went out without it (it would stay stale till the next write).
                if (results.Contains(StateChange.Now) || (results.Contains(StateChange.Later) && (_reportedSinceWrite || !OutcomesWaitForNextWrite)))
                    await WriteStateDetachedAsync(); // outside any call: the grain's calls go on meanwhile
                else if (results.Contains(StateChange.Later)) _unwrittenChanges = true;
            }
            while (_driveAgain && !IsBroken);
        }
        catch (GrainStorageUnavailableException)
        {
            return; // the activation is discarded; the next one (or the reminder) delivers what is left
        }
        finally
        {
            _delivering = false;
        }
        if (IsBroken) return;
        if (Effects!.IsEmpty && _storedEffects && ForgetsDeliveredAtOnce) WriteStateInBackground();
        if (Effects.Pending.Exists(p => p.Id <= _committedThrough && !_inFlight.Contains(p))) ScheduleRetry();
        if (_driveAgain) DriveEffects();
    }

    private enum StateChange { None, Later, Now }

    private async Task<StateChange> DeliverOneAsync(PendingEffect pending)
    {
        _inFlight.Add(pending);
        var attempt = _retries.GetValueOrDefault(pending.Id).Attempts + 1;
        var context = new EffectContext(GrainFactory, ServiceProvider, State, this.GetGrainId(), Now, attempt);
        EffectResult result;
        try
        {
            _crash.Reached(CrashPoint.Delivering, pending.Effect);
            result = await pending.Effect.DeliverAsync(context);
            if (result != EffectResult.Retry) _crash.Reached(CrashPoint.Delivered, pending.Effect);
        }
        catch (Exception e)
        {
            if (attempt is 1 or 5 or 20)
                ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(GetType()).LogWarning(e,
                    "{Grain}: {Effect} not delivered yet (attempt {Attempt}); retried", this.GetGrainId(), pending.Effect.GetType().Name, attempt);
            result = EffectResult.Retry;
        }
        finally
        {
            _inFlight.Remove(pending);
        }
        if (result == EffectResult.Retry)
        {
            var delay = context.RetryAfter ?? Backoff(attempt);
            _retries[pending.Id] = (attempt, Environment.TickCount64 + (long)delay.TotalMilliseconds);
        }
        else
        {
            _retries.Remove(pending.Id);
            Effects!.Pending.Remove(pending);
            if (pending.Effect.DeliveredLast) _reportedSinceWrite = true;
            if (_waiters.Remove(pending, out var waiter)) waiter.TrySetResult();
            if (Effects.IsEmpty)
                foreach (var drained in _drainWaiters) drained.TrySetResult();
        }
        return context.StateChanged ? StateChange.Now : context.StateChangedLater ? StateChange.Later : StateChange.None;
    }

    private TimeSpan Backoff(int attempts)
    {
        var delay = _schedule.RetryBaseDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        return delay < _schedule.RetryMaxDelay ? delay : _schedule.RetryMaxDelay;
    }

    private void ScheduleRetry()
    {
        var now = Environment.TickCount64;
        var next = Effects!.Pending.Where(p => p.Id <= _committedThrough && !_inFlight.Contains(p))
            .Select(p => _retries.TryGetValue(p.Id, out var r) ? r.DueAtTick : now).DefaultIfEmpty(now).Min();
        var delay = TimeSpan.FromMilliseconds(Math.Max(10, next - now));
        _retryTimer?.Dispose();
        _retryTimer = this.RegisterGrainTimer(() =>
        {
            DriveEffects();
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { Interleave = true });
    }

    /// <summary>
    /// Drops the reminder, unless effects wait again. A reentrant grain's calls run between this method's awaits (and
    /// those of the write that settles first): a write that recorded effects meanwhile counts on the reminder, so the
    /// drop is skipped when effects are back, and a write that needs the reminder waits for a drop under way, then
    /// registers it again — otherwise a node dying just after such a write would leave its effects with no reminder.
    /// </summary>
    private async Task DropReminderAsync()
    {
        if (_dropping is { } running)
        {
            await running;
            return;
        }
        if (Effects is { IsEmpty: false }) return;
        var dropped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _dropping = dropped.Task;
        _reminderRegistered = false;
        try
        {
            if (await this.GetReminder(Reminder) is { } reminder) await this.UnregisterReminder(reminder);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(GetType()).LogInformation(e,
                "Could not drop the after-commit reminder of {Grain}; its next tick finds nothing and drops it", this.GetGrainId());
        }
        finally
        {
            _dropping = null;
            dropped.TrySetResult();
        }
    }
}
