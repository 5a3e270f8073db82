using Microsoft.Extensions.DependencyInjection;
using Collaboration.Grains.Live;
using Collaboration.Grains.Mail;
using Collaboration.Grains.Platform;
using Collaboration.Grains.Workshops.Events;

namespace Collaboration.Grains.Workshops;

/// <summary>
/// A workshop session with its registrations and waitlist.
/// <para>
/// <b>Waitlist rule — strict arrival order, nobody jumps the queue.</b> Freed seats (a
/// cancellation, fewer seats, a larger capacity, a reopening) go to the waitlist from its head:
/// the first in line is confirmed if their seats fit in the free seats, then the next, and so on;
/// promotion stops at the first registration that does not fit, even if a later, smaller one
/// would. A newcomer is confirmed only when nobody is waiting and their seats fit. A confirmed
/// employer may ask for more seats only under the same condition. So an employer asking for 5
/// seats when 2 are free keeps their place and blocks the 2 seats until more are freed, the
/// organiser raises capacity, or they lower their own request (from the private page) — the
/// price of a rule that every employer can predict and no one can game by asking for 1 seat.
/// A capacity decrease never removes a confirmed registration: seats left is then 0 until enough
/// confirmed seats are cancelled. Cancelled and finished sessions promote nobody.
/// </para>
/// <para>
/// <b>Reentrant, with group commit.</b> Every method decides and changes the state without
/// awaiting anything, then awaits the write; the calls that arrive while a write is in flight run
/// meanwhile and share the next write, and each caller hears back only once the write holding its
/// change committed. So one hot session is not capped at one database commit per registration.
/// </para>
/// <para>
/// <b>Email.</b> Every change an employer must hear of (registration confirmed or waitlisted,
/// promotion, seats changed, cancellation, session cancelled, the day-before reminder) records
/// its message in this grain's outbox in the same write; the grain delivers it after commit
/// (<see cref="DurableGrain{TState}"/>). The reminder is an Orleans reminder registered with the
/// session: it looks at the clock every <see cref="MailSchedule.ReminderCheckPeriod"/> and
/// records the reminders once (<see cref="WorkshopSessionState.RemindersRecorded"/>).
/// </para>
/// <para>
/// <b>The registrations are a <see cref="Ledger{TEntry}"/></b>: a write carries the registrations it changed, not the
/// whole list, so a full session does not make every registration cost more than the first. Every change to a
/// registration goes through <see cref="Changed"/>.
/// </para>
/// </summary>
[Reentrant]
[GrainType("workshop")]
public sealed class WorkshopSessionGrain(
    [PersistentState("workshop", StorageNames.Grains)] IPersistentState<WorkshopSessionState> state, TimeProvider clock)
    : LiveGrain<WorkshopSessionState>(state, clock), IWorkshopSessionGrain
{
    public const int MaxSeatsPerRegistration = 5;
    public const int MaxCapacity = 10_000;
    public const string ReminderName = "workshop-reminder";
    public static readonly TimeSpan ManageLinkInterval = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Each event carries a registrant's whole view, and every write carries the tail: with the default 256, a session of
    /// 150 registrants wrote 117 kB at each change, 101 kB with 32. A screen further behind takes the snapshot, one
    /// registrant list.
    /// </summary>
    private protected override int LiveTailLength => 32;

    /// <summary>
    /// During a burst, one write per 20 ms at most carries the registrations (and the emails marked sent) that came
    /// meanwhile: each write carries the whole session, so fewer, fuller writes cost less than one per change.
    /// </summary>
    private protected override TimeSpan MinimumWriteInterval => TimeSpan.FromMilliseconds(20);

    /// <summary>A message per registrant and per change: once sent, they leave the session's row (see <see cref="AfterCommitGrain{TState}"/>).</summary>
    private protected override string? SentMailLedger => "workshop.mail";

    // Every registration in arrival order (ascending Sequence), from the ledger, and by code.
    private readonly List<WorkshopRegistration> _registrations = [];
    private readonly Dictionary<string, WorkshopRegistration> _byCode = new(StringComparer.Ordinal);
    private Ledger<WorkshopRegistration> _ledger = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ledger = new Ledger<WorkshopRegistration>("workshop", this.GetGrainId(), ServiceProvider, () => State.Recent, r => r.Code);
        await _ledger.LoadAsync();
        // A list stored whole before the ledger: its registrations move into the ledger with the next write.
        foreach (var registration in State.Registrations) _ledger.Put(registration);
        State.Registrations.Clear();
        _registrations.AddRange(_ledger.Entries.Values.OrderBy(r => r.Sequence));
        foreach (var registration in _registrations) _byCode[registration.Code] = registration;
        await base.OnActivateAsync(cancellationToken);
    }

    public async Task<WorkshopCreation> CreateAsync(WorkshopDetails details, int capacity)
    {
        if (State.Details is not null) return WorkshopCreation.AlreadyExists;
        if (capacity is < 1 or > MaxCapacity) throw new ArgumentOutOfRangeException(nameof(capacity));
        // The reminder first: a crash before the write leaves a reminder that finds no session and goes.
        State.ReminderAt = FirstReminderTime(details);
        await ScheduleReminderAsync(details);
        State.Details = details;
        State.Capacity = capacity;
        State.Status = WorkshopStatus.Open;
        RaiseEvent(new WorkshopCreated(details, Counts()));
        await WriteStateAsync();
        return WorkshopCreation.Created;
    }

    public Task<WorkshopView?> GetAsync() =>
        Task.FromResult(State.Details is null ? null : new WorkshopView(GrainGuidKey, State.Details, Counts(), Version, State.CalendarSequence));

    public async Task<RegistrationOutcome> RegisterAsync(RegistrationRequest request)
    {
        if (State.Details is null) return new(RegistrationResult.SessionNotFound);
        if (request.Seats is < 1 or > MaxSeatsPerRegistration) throw new ArgumentOutOfRangeException(nameof(request));

        // Whoever types a registered address learns nothing of it: its owner gets the manage link by email.
        if (Active(request.Email) is { } existing)
        {
            var sent = SendManageLink(existing, request.Language);
            RegistrationOutcome already = new(RegistrationResult.AlreadyRegistered, View(existing), Counts());
            if (sent) await WriteStateAsync(); // a new registration also waits on one write
            return already;
        }

        var refusal = State.Status switch
        {
            WorkshopStatus.Cancelled => RegistrationResult.SessionCancelled,
            WorkshopStatus.Done => RegistrationResult.SessionOver,
            WorkshopStatus.Closed => RegistrationResult.RegistrationClosed,
            _ when Now < State.Details.RegistrationOpensAt => RegistrationResult.RegistrationNotOpenYet,
            _ when Now >= State.Details.RegistrationClosesAt => RegistrationResult.RegistrationClosed,
            _ => (RegistrationResult?)null,
        };
        if (refusal is not null) return new(refusal.Value, Counts: Counts());
        if (_byCode.ContainsKey(request.Code)) return new(RegistrationResult.CodeTaken);

        var fits = !AnyoneWaiting() && request.Seats <= FreeSeats();
        var registration = new WorkshopRegistration
        {
            Code = request.Code,
            TokenHash = request.TokenHash,
            Sequence = ++State.LastSequence,
            Organisation = request.Organisation,
            ContactName = request.ContactName,
            Email = request.Email,
            Phone = request.Phone,
            Seats = request.Seats,
            Sector = request.Sector,
            Consent = request.Consent,
            Status = fits ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted,
            RegisteredAt = Now,
            ConfirmedAt = fits ? Now : null,
            SealedToken = request.SealedToken,
            Language = request.Language,
        };
        _registrations.Add(registration);
        _byCode[registration.Code] = registration;
        Changed(registration);
        var view = View(registration);
        Mail(registration, fits ? MailKind.WorkshopConfirmed : MailKind.WorkshopWaitlisted, view.Position);
        RaiseEvent(new RegistrationReceived(view, Counts()));
        RegistrationOutcome outcome = new(RegistrationResult.Ok, view, Counts()); // answered from the state this call made, not a later one
        await WriteStateAsync();
        ConcertationMetrics.Registrations.Add(1, new("kind", "workshop"), new("status", fits ? "confirmed" : "waitlisted"));
        return outcome;
    }

    public Task RequestManageLinkAsync(string email, string? language)
    {
        // The answer never waits on the write only a known address causes.
        if (Active(email) is { } registration && SendManageLink(registration, language)) WriteStateInBackground();
        return Task.CompletedTask;
    }

    public Task<RegistrationOutcome> GetRegistrationAsync(string code, string tokenHash)
    {
        var registration = Find(code, tokenHash);
        return Task.FromResult(registration is null
            ? new RegistrationOutcome(RegistrationResult.NotFound)
            : new RegistrationOutcome(RegistrationResult.Ok, View(registration), Counts()));
    }

    public async Task<RegistrationOutcome> CancelRegistrationAsync(string code, string tokenHash)
    {
        var registration = Find(code, tokenHash);
        if (registration is null) return new(RegistrationResult.NotFound);
        if (registration.Status == RegistrationStatus.Cancelled)
            return new(RegistrationResult.AlreadyCancelled, View(registration), Counts());
        if (State.Status == WorkshopStatus.Done) return new(RegistrationResult.SessionOver, View(registration), Counts());

        registration.Status = RegistrationStatus.Cancelled;
        registration.CancelledAt = Now;
        Changed(registration);
        Mail(registration, MailKind.WorkshopCancelled);
        RaiseEvent(new RegistrationCancelled(registration.Code, Counts()));
        PromoteWaitlist();
        RegistrationOutcome outcome = new(RegistrationResult.Ok, View(registration), Counts()); // answered from the state this call made, not a later one
        await WriteStateAsync();
        return outcome;
    }

    public async Task<RegistrationOutcome> ChangeSeatsAsync(string code, string tokenHash, int seats)
    {
        if (seats is < 1 or > MaxSeatsPerRegistration) throw new ArgumentOutOfRangeException(nameof(seats));
        var registration = Find(code, tokenHash);
        if (registration is null) return new(RegistrationResult.NotFound);
        if (registration.Status == RegistrationStatus.Cancelled) return new(RegistrationResult.AlreadyCancelled, View(registration), Counts());
        if (State.Status == WorkshopStatus.Done) return new(RegistrationResult.SessionOver, View(registration), Counts());
        if (State.Status == WorkshopStatus.Cancelled) return new(RegistrationResult.SessionCancelled, View(registration), Counts());
        if (seats == registration.Seats) return new(RegistrationResult.Ok, View(registration), Counts());

        // A confirmed employer asking for more: same rule as a newcomer (nobody waiting, seats free).
        var extra = seats - registration.Seats;
        if (registration.Status == RegistrationStatus.Confirmed && extra > 0 && (AnyoneWaiting() || extra > FreeSeats()))
            return new(RegistrationResult.NotEnoughSeats, View(registration), Counts());

        // A waitlisted employer keeps their place whatever the seats asked.
        registration.Seats = seats;
        Changed(registration);
        RaiseEvent(new RegistrationSeatsChanged(registration.Code, seats, Counts()));
        var promoted = PromoteWaitlist();
        if (!promoted.Contains(registration.Code))
            Mail(registration, MailKind.WorkshopSeatsChanged, registration.Status == RegistrationStatus.Waitlisted ? PositionOf(registration) : null);
        RegistrationOutcome outcome = new(RegistrationResult.Ok, View(registration), Counts()); // answered from the state this call made, not a later one
        await WriteStateAsync();
        return outcome;
    }

    public async Task<WorkshopUpdate> UpdateAsync(int? capacity, WorkshopStatus? status)
    {
        if (State.Details is null) return new(WorkshopUpdateResult.SessionNotFound);
        if (capacity is < 1 or > MaxCapacity) return new(WorkshopUpdateResult.InvalidCapacity, Counts());
        if ((capacity ?? State.Capacity) == State.Capacity && (status ?? State.Status) == State.Status)
            return new(WorkshopUpdateResult.Ok, Counts(), []);

        State.Capacity = capacity ?? State.Capacity;
        var cancelled = status == WorkshopStatus.Cancelled && State.Status != WorkshopStatus.Cancelled;
        State.Status = status ?? State.Status;
        if (cancelled)
        {
            State.CalendarSequence++; // calendars replace the event by its METHOD:CANCEL
            foreach (var r in _registrations)
                if (r.Status != RegistrationStatus.Cancelled) Mail(r, MailKind.WorkshopSessionCancelled);
        }
        RaiseEvent(new WorkshopUpdated(State.Capacity, State.Status, Counts()));
        var promoted = PromoteWaitlist();
        WorkshopUpdate update = new(WorkshopUpdateResult.Ok, Counts(), promoted);
        await WriteStateAsync();
        return update;
    }

    public async Task<RegistrationOutcome> MarkAttendanceAsync(string code, bool attended)
    {
        if (!_byCode.TryGetValue(code, out var registration)) return new(RegistrationResult.NotFound);
        if (registration.Status != RegistrationStatus.Confirmed) return new(RegistrationResult.NotConfirmed, View(registration), Counts());
        if (registration.Attended == attended) return new(RegistrationResult.Ok, View(registration), Counts());
        registration.Attended = attended;
        Changed(registration);
        RaiseEvent(new AttendanceMarked(code, attended, Counts()));
        RegistrationOutcome outcome = new(RegistrationResult.Ok, View(registration), Counts()); // answered from the state this call made, not a later one
        await WriteStateAsync();
        return outcome;
    }

    public Task<IReadOnlyList<RegistrantView>> GetRegistrantsAsync()
    {
        var views = new List<RegistrantView>(_registrations.Count);
        var position = 0;
        foreach (var registration in _registrations)
        {
            if (registration.Status == RegistrationStatus.Waitlisted) position++;
            views.Add(View(registration, registration.Status == RegistrationStatus.Waitlisted ? position : null));
        }
        return Task.FromResult<IReadOnlyList<RegistrantView>>(views);
    }

    public async Task<bool> StopRemindersAsync(string code)
    {
        if (!_byCode.TryGetValue(code, out var registration)) return false;
        if (registration.NoReminders) return true;
        registration.NoReminders = true;
        Changed(registration);
        await WriteStateAsync();
        return true;
    }

    public async Task<int> AnonymiseAsync(string? code)
    {
        var count = 0;
        foreach (var r in _registrations)
        {
            if (r.Anonymised || (code is not null && r.Code != code)) continue;
            r.Anonymised = true;
            r.ContactName = "";
            r.Email = "";
            r.Phone = null;
            r.TokenHash = "";
            r.SealedToken = null;
            _ledger.Put(r, sealSoon: true); // the erased contact must not stay in a stored chunk longer than a write
            ForgetMailOf(r.Code);
            count++;
        }
        if (count > 0) await WriteStateAsync();
        return count;
    }

    /// <summary>
    /// The day-before reminder: on each tick, once the clock has reached the reminder time, one
    /// message per confirmed registration is recorded in one write with the flag that says so,
    /// and the reminder goes away. A tick after a restart, or on another node, finds the flag.
    /// </summary>
    protected override async Task OnReminderAsync(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName) return;
        if (State.Details is null || State.RemindersRecorded || State.Status is WorkshopStatus.Cancelled or WorkshopStatus.Done
            || Now >= State.Details.StartsAt)
        {
            await DropReminderAsync();
            return;
        }
        if (Now < ReminderTime(State.Details)) return;
        State.RemindersRecorded = true;
        foreach (var r in _registrations)
            if (r.Status == RegistrationStatus.Confirmed && !r.NoReminders) Mail(r, MailKind.WorkshopReminder);
        await WriteStateAsync();
        await DropReminderAsync();
    }

    private DateTimeOffset ReminderTime(WorkshopDetails details) => State.ReminderAt ?? UsualReminderTime(details);

    private DateTimeOffset UsualReminderTime(WorkshopDetails details) => details.StartsAt - TimeSpan.FromHours(Schedule.ReminderHoursBefore);

    /// <summary>
    /// The usual time, unless it is already past at creation (a session announced the day before): then halfway to the start.
    /// Whoever is confirmed by then is reminded; whoever is confirmed later is not, their confirmation saying when it starts.
    /// </summary>
    private DateTimeOffset FirstReminderTime(WorkshopDetails details)
    {
        var usual = UsualReminderTime(details);
        return usual > Now ? usual : Now + (details.StartsAt - Now) / 2;
    }

    private MailSchedule Schedule => ServiceProvider.GetService(typeof(Microsoft.Extensions.Options.IOptions<MailSchedule>)) is
        Microsoft.Extensions.Options.IOptions<MailSchedule> options ? options.Value : new MailSchedule();

    /// <summary>First tick at the reminder time or one check period from now, whichever is sooner, then every period.</summary>
    private async Task ScheduleReminderAsync(WorkshopDetails details)
    {
        if (ServiceProvider.GetService(typeof(IMailDelivery)) is null) return; // no mail in this host (grain tests)
        var period = Schedule.ReminderCheckPeriod;
        var until = ReminderTime(details) - Now;
        var due = until < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : until < period ? until : period;
        await this.RegisterOrUpdateReminder(ReminderName, due, period);
    }

    private async Task DropReminderAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder) await this.UnregisterReminder(reminder);
    }

    private WorkshopRegistration? Active(string email) => _registrations.Find(r => r.Status != RegistrationStatus.Cancelled &&
        string.Equals(r.Email, email, StringComparison.OrdinalIgnoreCase));

    /// <summary>Records the manage-link message unless one went out a moment ago (so a stranger cannot flood a mailbox).</summary>
    private bool SendManageLink(WorkshopRegistration registration, string? language)
    {
        if (registration.ManageLinkSentAt is { } last && Now - last < ManageLinkInterval) return false;
        registration.ManageLinkSentAt = Now;
        Changed(registration);
        WorkshopMailData.Record(GrainGuidKey, State, registration, MailKind.WorkshopManageLink, Now,
            registration.Status == RegistrationStatus.Waitlisted ? PositionOf(registration) : null, language ?? registration.Language);
        return true;
    }

    private void Mail(WorkshopRegistration registration, MailKind kind, int? position = null) =>
        WorkshopMailData.Record(GrainGuidKey, State, registration, kind, Now, position);

    /// <summary>
    /// Strict arrival order (see the class comment): confirm from the head of the waitlist while
    /// the head fits; stop at the first that does not. Each promotion records its message in
    /// the outbox, in this same write.
    /// </summary>
    private List<string> PromoteWaitlist()
    {
        if (State.Status is WorkshopStatus.Cancelled or WorkshopStatus.Done) return [];
        var promoted = StrictOrderWaitlist.Promote(
            _registrations.Where(r => r.Status == RegistrationStatus.Waitlisted), FreeSeats(), r => r.Seats, registration =>
            {
                registration.Status = RegistrationStatus.Confirmed;
                registration.ConfirmedAt = Now;
                Changed(registration);
                Mail(registration, MailKind.WorkshopPromoted);
            }).Select(r => r.Code).ToList();
        if (promoted.Count > 0) RaiseEvent(new WaitlistPromoted(promoted, Counts()));
        return promoted;
    }

    private WorkshopRegistration? Find(string code, string tokenHash)
    {
        var registration = _byCode.GetValueOrDefault(code);
        return registration is not null && FixedTimeEquals(registration.TokenHash, tokenHash) ? registration : null;
    }

    private static bool FixedTimeEquals(string a, string b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));

    private bool AnyoneWaiting() => _registrations.Exists(r => r.Status == RegistrationStatus.Waitlisted);

    private int ConfirmedSeats()
    {
        var seats = 0;
        foreach (var r in _registrations)
            if (r.Status == RegistrationStatus.Confirmed) seats += r.Seats;
        return seats;
    }

    private int FreeSeats() => Math.Max(0, State.Capacity - ConfirmedSeats());

    private WorkshopCounts Counts()
    {
        int confirmedSeats = 0, confirmed = 0, waitlisted = 0, waitlistedSeats = 0;
        foreach (var r in _registrations)
        {
            if (r.Status == RegistrationStatus.Confirmed) { confirmed++; confirmedSeats += r.Seats; }
            else if (r.Status == RegistrationStatus.Waitlisted) { waitlisted++; waitlistedSeats += r.Seats; }
        }
        // Seats left = what a newcomer can get now: none while anyone waits (strict order).
        var seatsLeft = waitlisted > 0 ? 0 : Math.Max(0, State.Capacity - confirmedSeats);
        return new WorkshopCounts(State.Capacity, confirmedSeats, seatsLeft, confirmed, waitlisted, waitlistedSeats, State.Status);
    }

    private RegistrantView View(WorkshopRegistration registration) =>
        View(registration, registration.Status == RegistrationStatus.Waitlisted ? PositionOf(registration) : null);

    private int PositionOf(WorkshopRegistration registration)
    {
        var position = 0;
        foreach (var r in _registrations)
        {
            if (r.Status == RegistrationStatus.Waitlisted) position++;
            if (ReferenceEquals(r, registration)) return position;
        }
        return position;
    }

    private static RegistrantView View(WorkshopRegistration r, int? position) => new(
        r.Code, r.Sequence, r.Organisation, r.ContactName, r.Email, r.Phone, r.Seats, r.Sector, r.Status, position,
        r.RegisteredAt, r.ConfirmedAt, r.Attended, r.CancelledAt, r.Language, r.Anonymised);

    /// <summary>A registration changed: the next write carries it (the ledger's head), whatever else it changed.</summary>
    private void Changed(WorkshopRegistration registration) => _ledger.Put(registration);

    private protected override object? OnWriting()
    {
        _ledger.OnWriting();
        return base.OnWriting();
    }

    private protected override void OnCommitted(object? written)
    {
        base.OnCommitted(written);
        _ledger.OnCommitted(WriteStateInBackground);
    }
}
