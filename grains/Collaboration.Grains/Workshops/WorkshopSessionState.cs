using Collaboration.Grains.Live;
using Collaboration.Grains.Mail;
using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Workshops;

[GenerateSerializer]
public sealed class WorkshopSessionState : ILiveState, IMailOutboxState
{
    [Id(7)] public LiveLog Live { get; set; } = new();

    [Id(0)] public WorkshopDetails? Details { get; set; }
    [Id(1)] public int Capacity { get; set; }
    [Id(2)] public WorkshopStatus Status { get; set; }
    [Id(3)] public long LastSequence { get; set; }

    /// <summary>Before <see cref="Recent"/>: every registration, rewritten at each write. Moved into it on activation, then empty.</summary>
    [Id(4)] public List<WorkshopRegistration> Registrations { get; set; } = [];

    /// <summary>The registrations changed since their chunk was written; the others are in the grain's ledger rows (<see cref="Ledger{TEntry}"/>).</summary>
    [Id(12)] public LedgerHead<WorkshopRegistration> Recent { get; set; } = new();

    // Ids 5 and 6 held the first, undelivered outbox (promotions only); retired.

    /// <summary>
    /// The outbox: each message is written in the same commit as the change that caused it, so a
    /// crash can never lose one nor record one for a change that did not happen.
    /// </summary>
    [Id(8)] public MailOutbox Mail { get; set; } = new();

    /// <summary>The day-before reminders are recorded (once, whatever the restarts).</summary>
    [Id(9)] public bool RemindersRecorded { get; set; }

    /// <summary>The iCalendar SEQUENCE: bumped when the session changes in a way calendars must follow.</summary>
    [Id(10)] public int CalendarSequence { get; set; }

    /// <summary>
    /// When the reminders go: <see cref="Mail.MailSchedule.ReminderHoursBefore"/> before the start, or, for a session created
    /// later than that, halfway between its creation and its start (so its early registrants are reminded too).
    /// Null for sessions created before it was kept: the usual time.
    /// </summary>
    [Id(11)] public DateTimeOffset? ReminderAt { get; set; }

    /// <summary>What this grain's committed changes still owe to others (see <see cref="AfterCommitGrain{TState}"/>).</summary>
    [Id(90)] public EffectOutbox Effects { get; set; } = new();
}
