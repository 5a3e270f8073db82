using Collaboration.Grains.Colloque.Events;
using Collaboration.Grains.Live;
using Collaboration.Grains.Platform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collaboration.Grains.Colloque;

/// <summary>
/// Places, seats and the programme of one colloque (see <see cref="IColloqueSignupsGrain"/>).
/// <para>
/// <b>Places: first come, first served per category, under the total.</b> A newcomer is confirmed
/// when their category and the colloque both have a free place, else waits. Whenever places free
/// up (a cancellation, a larger quota) the waitlist is walked in arrival order at once and each
/// attendee whose category has a free place — while the total has one — is confirmed; an
/// attendee whose category is full keeps their turn for the next place of that category. So no
/// waiting attendee ever fits (the newcomer check needs no queue check), and nobody is passed by a
/// later arrival of their own category.
/// </para>
/// <para>
/// <b>Atelier seats: the workshops' rule</b> (<see cref="StrictOrderWaitlist"/>), one seat per
/// choice. Only confirmed attendees hold seats or atelier waitlist places; the choices of a
/// waitlisted attendee are pending and enter the ateliers when they are confirmed.
/// </para>
/// <para>
/// <b>Reentrant, with group commit</b>, as the workshop session: every method decides and changes
/// the state without awaiting, then awaits the write; a burst of registrations shares commits.
/// The counters below are derived from the state (rebuilt on activation), never stored.
/// </para>
/// <para>
/// <b>The attendees are a <see cref="Ledger{TEntry}"/></b>: a write carries the attendees it changed, not the whole list,
/// so a long waiting list does not make every sign-up slower. Every change to an entry (its place, its choices, its
/// revision) goes through <see cref="Changed"/>.
/// </para>
/// </summary>
[Reentrant]
[GrainType("colloque-signups")]
public sealed class ColloqueSignupsGrain(
    [PersistentState("colloque-signups", StorageNames.Grains)] IPersistentState<ColloqueSignupsState> state, TimeProvider clock)
    : LiveGrain<ColloqueSignupsState>(state, clock), IColloqueSignupsGrain
{
    /// <summary>During a burst, one write per 50 ms at most carries every registration that arrived meanwhile.</summary>
    private protected override TimeSpan MinimumWriteInterval => TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Its events are whole counts or a whole programme: a subscriber more than this many behind takes the snapshot,
    /// and the state written at every sign-up stays small (the default tail of counts would weigh some 50 kB).
    /// </summary>
    private protected override int LiveTailLength => 16;

    private protected override bool ForgetsDeliveredAtOnce => true;

    public const int MaxSessions = 200;
    public const int MaxCapacity = 100_000;

    private static readonly AttendeeCategory[] Categories = Enum.GetValues<AttendeeCategory>();

    // Every attendee in arrival order (ascending Sequence: a reinstated one arrives again), from the ledger.
    private List<SignupEntry> _signups = [];
    private Ledger<SignupEntry> _ledger = null!;

    // Derived, not persisted: indexes and counters over the attendees.
    private readonly Dictionary<string, SignupEntry> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SignupEntry> _byMatchKey = new(StringComparer.Ordinal);
    private readonly int[] _confirmed = new int[Categories.Length];
    private readonly int[] _waiting = new int[Categories.Length];
    private readonly Dictionary<Guid, int> _taken = [];
    private readonly Dictionary<Guid, int> _waitingSeats = [];

    // The colloque's title, date and venue, for the notices (read once: they do not change).
    private ColloqueDetails? _details;

    // Set by the calls that change places; one PlacesChanged per write carries the counts they all made
    // (a burst of registrations shares a write: its subscribers need the counts after it, not one per call).
    private bool _placesChanged;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ledger = new Ledger<SignupEntry>("colloque-signups", this.GetGrainId(), ServiceProvider, () => State.Attendees, e => e.Code);
        await _ledger.LoadAsync();
        // A list stored whole before the ledger: its entries move into the ledger with the next write.
        foreach (var entry in State.Signups) _ledger.Put(entry);
        State.Signups.Clear();
        _signups = [.. _ledger.Entries.Values.OrderBy(e => e.Sequence)];
        foreach (var entry in _signups)
        {
            _byCode[entry.Code] = entry;
            if (entry.Status != PlaceStatus.Cancelled && entry.MatchKey.Length > 0) _byMatchKey[entry.MatchKey] = entry;
            Count(entry.Status, entry.Category, +1);
            foreach (var choice in entry.Choices) CountChoice(choice, +1);
        }
        await base.OnActivateAsync(cancellationToken);
    }

    public async Task<SignupOutcome> SetSettingsAsync(RegistrationSettings settings)
    {
        State.Settings = settings;
        var promoted = PromotePlaces();
        PublishProgramme();
        SignupOutcome outcome = new(SignupResult.Ok, Promoted: promoted);
        await WriteStateAsync();
        return outcome;
    }

    public Task<ProgrammeView> GetProgrammeAsync() => Task.FromResult(new ProgrammeView(State.Settings, [.. State.Sessions], Counts(), Version, State.ProgrammeRevision));

    public async Task<ProgrammeResult> SaveSessionAsync(ProgrammeSession session)
    {
        var index = State.Sessions.FindIndex(s => s.Id == session.Id);
        if (index < 0 && State.Sessions.Count >= MaxSessions) throw new InvalidOperationException("Too many sessions.");
        if (index >= 0) State.Sessions[index] = session;
        else State.Sessions.Add(session);
        State.Sessions.Sort((a, b) => a.StartsAt != b.StartsAt ? a.StartsAt.CompareTo(b.StartsAt) : string.CompareOrdinal(a.Room, b.Room));
        if (session.Kind != SessionKind.Atelier) DropChoicesOf(session.Id);
        else PromoteSeats(session.Id);
        var shown = PublishProgramme();
        await WriteStateAsync();
        await ScreensShownAsync(shown);
        return ProgrammeResult.Ok;
    }

    public async Task<ProgrammeResult> RemoveSessionAsync(Guid sessionId)
    {
        if (State.Sessions.RemoveAll(s => s.Id == sessionId) == 0) return ProgrammeResult.UnknownSession;
        DropChoicesOf(sessionId);
        var shown = PublishProgramme(); // the screens clear a room that showed it
        await WriteStateAsync();
        await ScreensShownAsync(shown);
        return ProgrammeResult.Ok;
    }

    public async Task<SignupOutcome> SignUpAsync(SignupRequest request)
    {
        _details ??= await GrainFactory.GetGrain<IColloqueGrain>(GrainGuidKey).GetDetailsAsync();
        if (_byCode.ContainsKey(request.Code)) return new(SignupResult.CodeTaken);
        if (request.MatchKey.Length > 0 && _byMatchKey.TryGetValue(request.MatchKey, out var existing))
        {
            // Whoever types a registered address on a public form learns nothing of it: its owner gets the manage link.
            if (request.Offer is { } offer) SendManageLink(existing, offer);
            return new(SignupResult.AlreadyRegistered, View(existing));
        }
        if (request.Channel == SignupChannel.Public)
        {
            if (_details is null || State.Settings is null || Now < State.Settings.OpensAt) return new(SignupResult.RegistrationNotOpenYet);
            if (Now >= State.Settings.ClosesAt) return new(SignupResult.RegistrationClosed);
        }
        if (CheckChoices(request.Choices) is { } refusal) return new(refusal);

        var fits = FreeFor(request.Category) > 0;
        if (request.Channel == SignupChannel.WalkIn && !fits) return new(SignupResult.Full);
        if (request.Channel == SignupChannel.Public)
        {
            if (!fits && State.Settings!.WaitlistCap is { } cap && _waiting.Sum() >= cap) return new(SignupResult.WaitlistFull);
            if (!TakePublicPermit()) return new(SignupResult.TooManySignups);
        }
        var confirmed = fits || request.Channel is SignupChannel.Organiser or SignupChannel.WalkInOverride;
        var entry = Add(request, confirmed ? PlaceStatus.Confirmed : PlaceStatus.Waitlisted);
        foreach (var sessionId in request.Choices) AddChoice(entry, sessionId);
        // The caller records the place from this answer; the same notice also goes after the commit, so a registration
        // whose node died before it wrote is found missing and its place given back.
        var notice = Tell(entry);
        _placesChanged = true;
        SignupOutcome outcome = new(SignupResult.Ok, View(entry), Notice: notice);
        await WriteStateAsync();
        ConcertationMetrics.Registrations.Add(1, new("kind", "colloque"), new("status", confirmed ? "confirmed" : "waitlisted"));
        return outcome;
    }

    public Task RequestManageLinkAsync(string matchKey, ManageLinkOffer offer)
    {
        if (matchKey.Length > 0 && _byMatchKey.TryGetValue(matchKey, out var existing)) SendManageLink(existing, offer);
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<ImportOutcome>> ImportAsync(IReadOnlyList<ImportedAttendee> attendees)
    {
        // The same person twice in one list: the last line wins, and both lines answer with that person's outcome.
        var byKey = new Dictionary<string, ImportedAttendee>(StringComparer.Ordinal);
        foreach (var attendee in attendees) byKey[attendee.MatchKey] = attendee;
        var outcomes = new Dictionary<string, ImportOutcome>(StringComparer.Ordinal);
        var told = new List<PendingEffect>();
        foreach (var (key, attendee) in byKey)
        {
            var known = key.Length == 0 ? null : _byMatchKey.GetValueOrDefault(key) ?? _signups.FindLast(s => s.MatchKey == key);
            if (known is not null)
            {
                if (known.Category != attendee.Details.Category)
                {
                    Count(known.Status, known.Category, -1);
                    known.Category = attendee.Details.Category;
                    Count(known.Status, known.Category, +1);
                    Changed(known);
                }
                outcomes[key] = new(known.Code, false);
            }
            else
            {
                string code;
                do code = BadgeCodes.New();
                while (_byCode.ContainsKey(code));
                // The organiser's list counts in the quotas: confirmed whatever they say (the organiser decided).
                Add(new SignupRequest(code, key, attendee.Details.Category, SignupChannel.Organiser, []), PlaceStatus.Confirmed);
                outcomes[key] = new(code, true);
            }
            told.Add(RecordEffect(new RecordAttendee(GrainGuidKey, outcomes[key].Code, attendee.Details, key)));
        }
        if (outcomes.Count == 0) return [];
        PromotePlaces(); // a category change may free a place elsewhere
        _placesChanged = true;
        await WriteStateAsync();
        // Answered once the registrations exist: a badge scanned right after the import is found.
        await Task.WhenAll(told.Select(DeliveredAsync));
        return attendees.Select(a => outcomes[a.MatchKey]).ToList();
    }

    public Task<SignupView?> GetSignupAsync(string code) =>
        Task.FromResult(_byCode.TryGetValue(code, out var entry) ? View(entry) : null);

    public async Task<SignupOutcome> ChangeChoicesAsync(string code, IReadOnlyList<Guid> choices)
    {
        if (!_byCode.TryGetValue(code, out var entry)) return new(SignupResult.NotFound);
        if (entry.Status == PlaceStatus.Cancelled) return new(SignupResult.AlreadyCancelled, View(entry));
        if (CheckChoices(choices) is { } refusal) return new(refusal, View(entry));

        var wanted = choices.ToHashSet();
        var freed = new List<Guid>();
        foreach (var choice in entry.Choices.Where(c => !wanted.Contains(c.SessionId)).ToList())
        {
            if (choice.Status == ChoiceStatus.Confirmed) freed.Add(choice.SessionId);
            RemoveChoice(entry, choice);
        }
        // Freed seats go to those already waiting before this attendee's new choices queue up.
        foreach (var sessionId in freed) PromoteSeats(sessionId);
        foreach (var sessionId in choices.Where(id => !entry.Choices.Exists(c => c.SessionId == id))) AddChoice(entry, sessionId);
        _placesChanged = true;
        SignupOutcome outcome = new(SignupResult.Ok, View(entry));
        await WriteStateAsync();
        return outcome;
    }

    public async Task<SignupOutcome> AdmitWaitlistedAsync(string code)
    {
        if (!_byCode.TryGetValue(code, out var entry)) return new(SignupResult.NotFound);
        if (entry.Status == PlaceStatus.Cancelled) return new(SignupResult.AlreadyCancelled, View(entry));
        if (entry.Status == PlaceStatus.Confirmed) return new(SignupResult.Ok, View(entry));
        SetStatus(entry, PlaceStatus.Confirmed);
        foreach (var choice in entry.Choices.Where(c => c.Status == ChoiceStatus.Pending)) Seat(entry, choice);
        Tell(entry);
        _placesChanged = true;
        SignupOutcome outcome = new(SignupResult.Ok, View(entry), [entry.Code]);
        await WriteStateAsync();
        return outcome;
    }

    public async Task ApplyRegistrationChangeAsync(string code, SignupChange change, long revision)
    {
        if (!_byCode.TryGetValue(code, out var entry) || entry.Revision >= revision) return;
        entry.Revision = revision;
        Changed(entry);
        switch (change)
        {
            case SignupChange.Cancel: Cancel(entry); break;
            case SignupChange.Reinstate: Reinstate(entry); break;
            default: Forget(entry); break;
        }
        _placesChanged = true;
        await WriteStateAsync();
    }

    public async Task ReleaseOrphanAsync(string code)
    {
        if (!_byCode.TryGetValue(code, out var entry) || entry.Status == PlaceStatus.Cancelled) return;
        Log().LogWarning("Registration {Code} of colloque {ColloqueId} was never written: its place is given back", code, GrainGuidKey);
        Cancel(entry);
        _placesChanged = true;
        await WriteStateAsync();
    }

    /// <summary>Frees the place and seats; promotes the next in line, for the colloque and for each atelier.</summary>
    private void Cancel(SignupEntry entry)
    {
        if (entry.Status == PlaceStatus.Cancelled) return;
        SetStatus(entry, PlaceStatus.Cancelled);
        if (entry.MatchKey.Length > 0 && _byMatchKey.GetValueOrDefault(entry.MatchKey) == entry) _byMatchKey.Remove(entry.MatchKey);
        var freed = entry.Choices.Where(c => c.Status == ChoiceStatus.Confirmed).Select(c => c.SessionId).ToList();
        foreach (var choice in entry.Choices.ToList()) RemoveChoice(entry, choice);
        foreach (var sessionId in freed) PromoteSeats(sessionId);
        PromotePlaces();
    }

    /// <summary>Back at the end of the line, as a newcomer (unless the same person registered again meanwhile).</summary>
    private void Reinstate(SignupEntry entry)
    {
        if (entry.Status != PlaceStatus.Cancelled) return;
        if (entry.MatchKey.Length > 0 && _byMatchKey.ContainsKey(entry.MatchKey)) return;
        _signups.Remove(entry);
        _signups.Add(entry);
        entry.Sequence = ++State.LastSequence;
        Changed(entry);
        SetStatus(entry, FreeFor(entry.Category) > 0 ? PlaceStatus.Confirmed : PlaceStatus.Waitlisted);
        if (entry.MatchKey.Length > 0) _byMatchKey[entry.MatchKey] = entry;
        Tell(entry);
    }

    /// <summary>Erasure: the email hash and the choices go (seats freed); the place and category stay for the counts.</summary>
    private void Forget(SignupEntry entry)
    {
        if (entry.MatchKey.Length > 0 && _byMatchKey.GetValueOrDefault(entry.MatchKey) == entry) _byMatchKey.Remove(entry.MatchKey);
        entry.MatchKey = "";
        _ledger.Put(entry, sealSoon: true); // the erased hash must not stay in a stored chunk longer than a write
        var freed = entry.Choices.Where(c => c.Status == ChoiceStatus.Confirmed).Select(c => c.SessionId).ToList();
        foreach (var choice in entry.Choices.ToList()) RemoveChoice(entry, choice);
        foreach (var sessionId in freed) PromoteSeats(sessionId);
    }

    public Task<IReadOnlyList<SessionAttendee>> GetSessionListAsync(Guid sessionId)
    {
        var holders = _signups
            .SelectMany(s => s.Choices.Where(c => c.SessionId == sessionId && c.Status != ChoiceStatus.Pending).Select(c => (Signup: s, Choice: c)))
            .OrderBy(p => p.Choice.Status).ThenBy(p => p.Choice.Sequence)
            .ToList();
        var position = 0;
        IReadOnlyList<SessionAttendee> list = holders.Select(p => new SessionAttendee(p.Signup.Code, p.Signup.Category, p.Choice.Status,
            p.Choice.Status == ChoiceStatus.Waitlisted ? ++position : null)).ToList();
        return Task.FromResult(list);
    }

    public Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<AttendeeCategory, int>>> GetSessionCategoryCountsAsync()
    {
        var counts = State.Sessions.ToDictionary(s => s.Id, _ => Categories.ToDictionary(c => c, _ => 0));
        foreach (var signup in _signups)
            foreach (var choice in signup.Choices)
                if (choice.Status == ChoiceStatus.Confirmed && counts.TryGetValue(choice.SessionId, out var byCategory)) byCategory[signup.Category]++;
        IReadOnlyDictionary<Guid, IReadOnlyDictionary<AttendeeCategory, int>> result =
            counts.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<AttendeeCategory, int>)p.Value);
        return Task.FromResult(result);
    }

    private protected override object? OnWriting()
    {
        if (_placesChanged)
        {
            _placesChanged = false;
            RaiseEvent(new PlacesChanged(Counts()));
        }
        _ledger.OnWriting();
        return base.OnWriting();
    }

    private protected override void OnCommitted(object? written)
    {
        base.OnCommitted(written);
        _ledger.OnCommitted(WriteStateInBackground);
    }

    // ---- programme ------------------------------------------------------------------------------

    /// <summary>The programme changed: its subscribers get it whole, and the room screens its times after the commit.</summary>
    private PendingEffect PublishProgramme()
    {
        State.ProgrammeRevision++;
        RaiseEvent(new ProgrammeChanged(State.Settings, [.. State.Sessions], Counts()));
        return RecordEffect(new ShowProgramme(GrainGuidKey, Version, [.. State.Sessions.Select(ScreenSession.Of)]));
    }

    /// <summary>
    /// The organiser's next click (a room's "now") must find the session on the screens: the answer waits for them,
    /// a little at most — the change is committed, and the after-commit path delivers it whatever happens.
    /// </summary>
    private Task ScreensShownAsync(PendingEffect shown) => Task.WhenAny(DeliveredAsync(shown), Task.Delay(ScreensWait));

    private static readonly TimeSpan ScreensWait = TimeSpan.FromSeconds(2);

    // ---- the public form's ceiling ------------------------------------------------------------------

    private long _permitWindow;
    private int _permitsTaken;

    /// <summary>A fixed one-minute window, in memory: a node's death forgets it, which only lets a minute start afresh.</summary>
    private bool TakePublicPermit()
    {
        var window = Now.ToUnixTimeSeconds() / 60;
        if (window != _permitWindow) (_permitWindow, _permitsTaken) = (window, 0);
        var limit = (ServiceProvider.GetService<IOptions<SignupLimits>>()?.Value ?? new SignupLimits()).PublicPerMinute;
        if (_permitsTaken >= limit) return false;
        _permitsTaken++;
        return true;
    }

    // ---- places -------------------------------------------------------------------------------

    /// <summary>What a newcomer of this category could get now: the smaller of its quota's and the total's free places.</summary>
    private int FreeFor(AttendeeCategory category)
    {
        var settings = State.Settings;
        var free = int.MaxValue;
        if (settings?.TotalCapacity is { } total) free = Math.Min(free, total - _confirmed.Sum());
        if (settings is not null && settings.CategoryCapacity.TryGetValue(category, out var quota)) free = Math.Min(free, quota - _confirmed[(int)category]);
        return Math.Max(0, free);
    }

    /// <summary>The class comment's rule: arrival order, skipping those whose category is full, stopping when the total is.</summary>
    private List<string> PromotePlaces()
    {
        var promoted = new List<string>();
        if (_waiting.Sum() == 0) return promoted;
        foreach (var entry in _signups)
        {
            if (entry.Status != PlaceStatus.Waitlisted) continue;
            if (State.Settings?.TotalCapacity is { } total && _confirmed.Sum() >= total) break;
            if (FreeFor(entry.Category) == 0) continue;
            SetStatus(entry, PlaceStatus.Confirmed);
            promoted.Add(entry.Code);
            foreach (var choice in entry.Choices.Where(c => c.Status == ChoiceStatus.Pending)) Seat(entry, choice);
            Tell(entry);
        }
        return promoted;
    }

    private SignupEntry Add(SignupRequest request, PlaceStatus status)
    {
        var entry = new SignupEntry
        {
            Code = request.Code, MatchKey = request.MatchKey, Category = request.Category, Status = status,
            Sequence = ++State.LastSequence, RegisteredAt = Now,
        };
        _signups.Add(entry);
        Changed(entry);
        _byCode[entry.Code] = entry;
        if (entry.MatchKey.Length > 0) _byMatchKey[entry.MatchKey] = entry;
        Count(status, entry.Category, +1);
        return entry;
    }

    private void SetStatus(SignupEntry entry, PlaceStatus status)
    {
        Count(entry.Status, entry.Category, -1);
        entry.Status = status;
        Count(status, entry.Category, +1);
        Changed(entry);
    }

    /// <summary>The entry goes out with the next write (its place, choices or revision changed).</summary>
    private void Changed(SignupEntry entry) => _ledger.Put(entry);

    private void Count(PlaceStatus status, AttendeeCategory category, int delta)
    {
        if (status == PlaceStatus.Confirmed) _confirmed[(int)category] += delta;
        else if (status == PlaceStatus.Waitlisted) _waiting[(int)category] += delta;
    }

    // ---- seats ---------------------------------------------------------------------------------

    private SignupResult? CheckChoices(IReadOnlyList<Guid> choices)
    {
        var sessions = new List<ProgrammeSession>(choices.Count);
        foreach (var id in choices)
        {
            var session = State.Sessions.Find(s => s.Id == id);
            if (session is null) return SignupResult.UnknownSession;
            if (session.Kind != SessionKind.Atelier) return SignupResult.NotAnAtelier;
            if (sessions.Exists(s => s.Id == id || s.Overlaps(session))) return SignupResult.TwoInOneSlot;
            sessions.Add(session);
        }
        return null;
    }

    private void AddChoice(SignupEntry entry, Guid sessionId)
    {
        var choice = new ChoiceEntry { SessionId = sessionId, Status = ChoiceStatus.Pending };
        entry.Choices.Add(choice);
        Changed(entry);
        if (entry.Status == PlaceStatus.Confirmed) Seat(entry, choice);
    }

    /// <summary>A confirmed attendee's choice: a seat if one is free and nobody waits for it, else the atelier's waitlist.</summary>
    private void Seat(SignupEntry entry, ChoiceEntry choice)
    {
        Changed(entry);
        var capacity = State.Sessions.Find(s => s.Id == choice.SessionId)?.Capacity;
        choice.Sequence = ++State.LastSequence;
        choice.Status = capacity is null || (_waitingSeats.GetValueOrDefault(choice.SessionId) == 0 && _taken.GetValueOrDefault(choice.SessionId) < capacity)
            ? ChoiceStatus.Confirmed : ChoiceStatus.Waitlisted;
        CountChoice(choice, +1);
    }

    private void RemoveChoice(SignupEntry entry, ChoiceEntry choice)
    {
        CountChoice(choice, -1);
        entry.Choices.Remove(choice);
        Changed(entry);
    }

    private void CountChoice(ChoiceEntry choice, int delta)
    {
        if (choice.Status == ChoiceStatus.Confirmed) _taken[choice.SessionId] = _taken.GetValueOrDefault(choice.SessionId) + delta;
        else if (choice.Status == ChoiceStatus.Waitlisted) _waitingSeats[choice.SessionId] = _waitingSeats.GetValueOrDefault(choice.SessionId) + delta;
    }

    private void PromoteSeats(Guid sessionId)
    {
        if (_waitingSeats.GetValueOrDefault(sessionId) == 0) return;
        var capacity = State.Sessions.Find(s => s.Id == sessionId)?.Capacity;
        var free = capacity is { } c ? Math.Max(0, c - _taken.GetValueOrDefault(sessionId)) : int.MaxValue;
        var waiting = _signups
            .SelectMany(s => s.Choices.Where(ch => ch.SessionId == sessionId && ch.Status == ChoiceStatus.Waitlisted).Select(ch => (Entry: s, Choice: ch)))
            .OrderBy(p => p.Choice.Sequence)
            .ToList();
        StrictOrderWaitlist.Promote(waiting, free, _ => 1, p =>
        {
            CountChoice(p.Choice, -1);
            p.Choice.Status = ChoiceStatus.Confirmed;
            CountChoice(p.Choice, +1);
            Changed(p.Entry);
        });
    }

    private void DropChoicesOf(Guid sessionId)
    {
        foreach (var signup in _signups)
            foreach (var choice in signup.Choices.Where(c => c.SessionId == sessionId).ToList()) RemoveChoice(signup, choice);
        _taken.Remove(sessionId);
        _waitingSeats.Remove(sessionId);
    }

    // ---- telling registrations -------------------------------------------------------------------

    /// <summary>The registration is owed its place: a notice recorded with the change, delivered after the commit.</summary>
    /// <summary>Records the request for the registration's manage link; committed in the background (the answer never waits on it).</summary>
    private void SendManageLink(SignupEntry entry, ManageLinkOffer offer)
    {
        RecordEffect(new SendManageLink(GrainGuidKey, entry.Code, offer));
        WriteStateInBackground();
    }

    private PlaceNotice Tell(SignupEntry entry)
    {
        var notice = Notice(entry);
        RecordEffect(new TellPlace(GrainGuidKey, entry.Code, notice));
        return notice;
    }

    /// <summary>The attendee's place, breakouts and the day, as their email shows them.</summary>
    private PlaceNotice Notice(SignupEntry entry)
    {
        var view = View(entry);
        var breakouts = view.Choices
            .Select(c => (Choice: c, Session: State.Sessions.Find(s => s.Id == c.SessionId)))
            .Where(p => p.Session is not null)
            .Select(p => new BreakoutNotice(p.Session!.TitleFr, p.Session.TitleEn, p.Session.Room, p.Session.StartsAt, p.Session.EndsAt,
                p.Choice.Status, p.Choice.Position))
            .OrderBy(b => b.StartsAt)
            .ToList();
        var sessions = State.Sessions;
        return new PlaceNotice(entry.Status, view.Position, breakouts,
            sessions.Count > 0 ? sessions.Min(s => s.StartsAt) : null, sessions.Count > 0 ? sessions.Max(s => s.EndsAt) : null,
            State.Settings?.VenueAddress ?? "", State.ProgrammeRevision, ++State.LastTell, _details);
    }

    private ILogger Log() => ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<ColloqueSignupsGrain>();

    // ---- views ---------------------------------------------------------------------------------

    private PlaceCounts Counts()
    {
        var settings = State.Settings;
        int confirmed = _confirmed.Sum(), waiting = _waiting.Sum();
        int? totalLeft = settings?.TotalCapacity is { } total ? Math.Max(0, total - confirmed) : null;
        var categories = Categories.Select(c =>
        {
            int? quota = settings is not null && settings.CategoryCapacity.TryGetValue(c, out var q) ? q : null;
            int? left = quota is null && totalLeft is null ? null : FreeFor(c);
            return new CategoryPlaces(c, quota, _confirmed[(int)c], _waiting[(int)c], left);
        }).ToList();
        var sessions = State.Sessions.Where(s => s.Kind == SessionKind.Atelier).Select(s =>
        {
            var taken = _taken.GetValueOrDefault(s.Id);
            var waitingSeats = _waitingSeats.GetValueOrDefault(s.Id);
            return new SessionSeats(s.Id, s.Capacity, taken, waitingSeats, s.Capacity is { } c ? (waitingSeats > 0 ? 0 : Math.Max(0, c - taken)) : null);
        }).ToList();
        return new PlaceCounts(settings?.TotalCapacity, confirmed, waiting, totalLeft, categories, sessions);
    }

    private SignupView View(SignupEntry entry)
    {
        int? position = null;
        if (entry.Status == PlaceStatus.Waitlisted)
            position = _signups.Count(s => s.Status == PlaceStatus.Waitlisted && s.Category == entry.Category && s.Sequence < entry.Sequence) + 1;
        var choices = entry.Choices.Select(c => new ChoiceView(c.SessionId, c.Status, c.Status == ChoiceStatus.Waitlisted
            ? _signups.Sum(s => s.Choices.Count(o => o.SessionId == c.SessionId && o.Status == ChoiceStatus.Waitlisted && o.Sequence < c.Sequence)) + 1
            : null)).ToList();
        return new SignupView(entry.Code, entry.Category, entry.Status, position, entry.RegisteredAt, choices);
    }
}
