using Collaboration.Grains.Colloque.Events;
using Collaboration.Grains.Live;
using Collaboration.Grains.Mail;
using Collaboration.Grains.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Grains.Colloque;

[Orleans.Placement.PreferLocalPlacement] // created by the node that took the registration, which calls it at once
[GrainType("colloque-registration")]
public sealed class RegistrationGrain(
    [PersistentState("colloque-registration", StorageNames.Grains)] IPersistentState<RegistrationState> state, TimeProvider clock)
    : AfterCommitGrain<RegistrationState>(state, clock), IRegistrationGrain
{
    /// <summary>How long the desk that checked a badge in may undo it alone.</summary>
    public static readonly TimeSpan DeskUndoWindow = TimeSpan.FromMinutes(2);

    /// <summary>Answers remembered per registration; a desk resends a nonce within minutes, not after hundreds of scans.</summary>
    public const int RememberedNonces = 64;

    /// <summary>At most one manage-link email per registration in this time, however often its address is typed.</summary>
    public static readonly TimeSpan ManageLinkInterval = TimeSpan.FromMinutes(2);

    // Made with a place the signups grain gave: its notice (an effect the signups grain keeps until this grain answers
    // it) covers this grain's first effects, so they need no reminder of their own.
    private bool _awaitingNotice;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        State.MailLoaded();
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<SignupOutcome> RegisterSelfAsync(Guid colloqueId, SelfRegistration registration)
    {
        if (State.Exists) return new(SignupResult.CodeTaken);
        // The signups grain decides the place (and tells this grain again through the after-commit path, which
        // finds it told already); nothing is written here unless a place was given.
        var outcome = await GrainFactory.GetGrain<IColloqueSignupsGrain>(colloqueId).SignUpAsync(new SignupRequest(GrainKey, registration.MatchKey,
            registration.Details.Category, SignupChannel.Public, registration.Choices ?? [],
            new ManageLinkOffer(registration.Language, registration.TokenHash, registration.SealedToken)));
        if (outcome.Result != SignupResult.Ok || outcome.Notice is not { } notice) return outcome;
        State.Exists = true;
        State.ColloqueId = colloqueId;
        SetDetails(registration.Details, registration.MatchKey);
        State.SelfRegistered = true;
        State.TokenHash = registration.TokenHash;
        State.Needs = registration.Needs is { IsEmpty: false } needs ? needs : null;
        State.Language = registration.Language;
        State.ConsentedAt = registration.ConsentedAt;
        State.SealedToken = registration.SealedToken;
        State.RegisteredAt = Now;
        State.History.Add(new(Now, "self-registered", null, null));
        ApplyPlace(notice, notice.Status == PlaceStatus.Confirmed ? MailKind.ColloqueRegistered : MailKind.ColloqueWaitlisted);
        List();
        AwaitNotice();
        await WriteStateAsync();
        return outcome;
    }

    public async Task RecordAttendeeAsync(Guid colloqueId, AttendeeDetails details, string matchKey)
    {
        // The signups grain keeps this call until it is answered: answered once this grain's effects are delivered.
        CoveredByCaller();
        try
        {
            if (State.Exists && (State.ColloqueId != colloqueId || State.Erased)) return;
            if (State.Exists && State.Name == details.Name && State.Organisation == details.Organisation &&
                State.Category == details.Category && State.Email == details.Email && State.Mrc == details.Mrc) return;
            if (!State.Exists)
            {
                State.Exists = true;
                State.ColloqueId = colloqueId;
                State.RegisteredAt = Now;
                State.History.Add(new(Now, "registered", null, null));
            }
            else
            {
                State.History.Add(new(Now, "updated", null, null));
            }
            SetDetails(details, matchKey.Length > 0 ? matchKey : State.MatchKey);
            List();
            await WriteStateAsync();
        }
        finally
        {
            await HandOffAsync();
        }
    }

    public async Task<WalkInAnswer> WalkInAsync(Guid colloqueId, AttendeeDetails details, string matchKey, bool overrideQuota, CheckInRequest request)
    {
        if (State.Exists) return new(SignupResult.CodeTaken);
        var outcome = await GrainFactory.GetGrain<IColloqueSignupsGrain>(colloqueId).SignUpAsync(new SignupRequest(GrainKey, matchKey,
            details.Category, overrideQuota ? SignupChannel.WalkInOverride : SignupChannel.WalkIn, []));
        // Registered already (a retry, or someone on the list): their own registration checks them in.
        if (outcome is { Result: SignupResult.AlreadyRegistered, Signup: { } existing })
            return new(SignupResult.Ok, await GrainFactory.GetGrain<IRegistrationGrain>(existing.Code).CheckInAsync(request, overrideQuota));
        if (outcome.Result != SignupResult.Ok || outcome.Notice is not { } notice) return new(outcome.Result);
        State.Exists = true;
        State.ColloqueId = colloqueId;
        SetDetails(details, matchKey);
        State.RegisteredAt = Now;
        State.History.Add(new(Now, "walked-in", request.DeskId, request.Operator));
        ApplyPlace(notice, null);
        List();
        var answer = CheckIn(request);
        AwaitNotice();
        await WriteStateAsync();
        PushArrivalAhead(answer);
        return new(SignupResult.Ok, answer);
    }

    public async Task<bool> TellPlaceAsync(Guid colloqueId, PlaceNotice notice)
    {
        // The signups grain keeps this notice until it is answered: answered once this grain's effects are delivered.
        if (!_awaitingNotice) CoveredByCaller();
        _awaitingNotice = false;
        try
        {
            if (!Mine(colloqueId)) return false;
            if (notice.Sequence <= State.PlaceSequence) return true; // told already (a repeated or late notice)
            var promoted = notice.Status == PlaceStatus.Confirmed && State.PlaceTold == PlaceStatus.Waitlisted;
            ApplyPlace(notice, promoted ? MailKind.ColloquePromoted : null);
            await WriteStateAsync();
            return true;
        }
        finally
        {
            await HandOffAsync();
        }
    }

    public async Task SendManageLinkAsync(Guid colloqueId, ManageLinkOffer offer)
    {
        // The signups grain keeps this request until it is answered: answered once the email is handed to the outbox's delivery.
        CoveredByCaller();
        try
        {
            if (!Mine(colloqueId) || State.Erased || State.Cancelled || State.Email.Length == 0) return;
            if (State.ManageLinkSentAt is { } last && Now - last < ManageLinkInterval) return; // a stranger cannot flood the mailbox
            if (State.TokenHash.Length == 0)
            {
                // Listed by the organiser, so never given a link: the one offered becomes its own, known only to this address.
                State.TokenHash = offer.TokenHash;
                State.SealedToken = offer.SealedToken;
            }
            if (await ColloqueAsync() is not { } colloque) return;
            State.ManageLinkSentAt = Now;
            State.History.Add(new(Now, "manage-link-sent", null, null));
            State.Mail.Record(MailKind.ColloqueManageLink, State.Email, State.Name, offer.Language is "en" or "fr" ? offer.Language : MailLanguage,
                GrainKey, ColloqueMailData.Complete(ColloqueMailData.For(colloqueId, GrainKey, State.SealedToken), colloque, null), Now);
            await WriteStateAsync();
        }
        finally
        {
            await HandOffAsync();
        }
    }

    public Task<ColloqueMailReport> GetMailReportAsync() => Task.FromResult(State.MailReport(GrainKey, ServiceProvider.GetService<IMailDelivery>()));


    public Task<RegistrationView?> OpenAsync(string tokenHash) =>
        Task.FromResult(TokenMatches(tokenHash) ? View() : null);

    public async Task<bool> UpdateNeedsAsync(string tokenHash, AttendeeNeeds? needs)
    {
        if (!TokenMatches(tokenHash)) return false;
        State.Needs = needs is { IsEmpty: false } ? needs : null;
        State.History.Add(new(Now, "needs-updated", null, null));
        await WriteStateAsync();
        return true;
    }

    public async Task<CheckInAnswer> CheckInAsync(CheckInRequest request, bool admitWaitlisted = false)
    {
        if (!Mine(request.ColloqueId)) return new(CheckInResult.Unknown, GrainKey);
        var earlier = State.Answered.Find(a => a.Nonce == request.Nonce);
        if (earlier is not null) return earlier.Answer;
        if (State.AwaitingPlace && State.CheckIn is null && !State.Cancelled)
        {
            // Waitlisted as far as this grain was told: the signups grain may have confirmed the place since, or the
            // organiser gives one now. Its notice comes back through the after-commit path and finds it applied.
            var signups = GrainFactory.GetGrain<IColloqueSignupsGrain>(request.ColloqueId);
            var confirmed = admitWaitlisted ? await signups.AdmitWaitlistedAsync(GrainKey) : new SignupOutcome(SignupResult.Ok, await signups.GetSignupAsync(GrainKey));
            if (confirmed.Signup is not { Status: PlaceStatus.Confirmed }) return Answer(CheckInResult.Waitlisted); // not remembered: the same scan goes through once confirmed
            State.AwaitingPlace = false;
        }
        var answer = CheckIn(request);
        await WriteStateAsync();
        PushArrivalAhead(answer);
        ConcertationMetrics.CheckIns.Add(1, new KeyValuePair<string, object?>("result", answer.Result.ToString()));
        return answer;
    }

    public async Task<UndoAnswer> UndoCheckInAsync(UndoRequest request)
    {
        if (!Mine(request.ColloqueId)) return new(UndoResult.Unknown);
        if (State.CheckIn is null) return new(UndoResult.NotCheckedIn, State.CheckInVersion);
        if (request.DeskId is not null)
        {
            if (State.CheckIn.DeskId != request.DeskId) return new(UndoResult.OtherDesk, State.CheckInVersion);
            if (Now - State.CheckIn.At > DeskUndoWindow) return new(UndoResult.TooLate, State.CheckInVersion);
        }
        State.CheckIn = null;
        State.CheckInVersion++;
        State.History.Add(new(Now, "check-in-undone", request.DeskId, request.By));
        RecordEffect(new ApplyArrival(State.ColloqueId, Arrival()));
        await WriteStateAsync();
        return new(UndoResult.Undone, State.CheckInVersion);
    }

    /// <summary>One order of steps whoever cancels: this grain records it, then tells the signups grain (which frees the place) and the directory.</summary>
    public async Task<bool> SetCancelledAsync(Guid colloqueId, bool cancelled, string by)
    {
        if (!Mine(colloqueId)) return false;
        if (State.Cancelled == cancelled) return true;
        State.Cancelled = cancelled;
        State.History.Add(new(Now, cancelled ? "cancelled" : "reinstated", null, by));
        if (cancelled && State.SelfRegistered && !State.Erased && State.Email.Length > 0 && await ColloqueAsync() is { } colloque)
            State.Mail.Record(MailKind.ColloqueCancelled, State.Email, State.Name, MailLanguage, GrainKey,
                ColloqueMailData.Complete(ColloqueMailData.For(colloqueId, GrainKey, ""), colloque, null), Now);
        var told = RecordEffect(new ChangeSignup(colloqueId, GrainKey, cancelled ? SignupChange.Cancel : SignupChange.Reinstate, ++State.Revision));
        var listed = List();
        await WriteStateAsync();
        // Answered once the place is freed (the next in line promoted) and the desks' list says so.
        await DeliveredAsync(told, listed);
        return true;
    }

    public async Task<bool> MarkBadgePrintedAsync(Guid colloqueId)
    {
        if (!Mine(colloqueId)) return false;
        if (State.BadgePrintedAt is not null) return true;
        State.BadgePrintedAt = Now;
        State.History.Add(new(Now, "badge-printed", null, null));
        var listed = List();
        await WriteStateAsync();
        await DeliveredAsync(listed); // the batch print's "not yet printed" filter reads the directory
        return true;
    }

    public async Task<bool> EraseAsync(Guid colloqueId, string by)
    {
        if (!Mine(colloqueId)) return false;
        if (State.Erased) return true;
        State.Erased = true;
        State.Name = "";
        State.Organisation = "";
        State.Email = "";
        State.Needs = null;
        State.TokenHash = "";
        State.SealedToken = "";
        State.Mail.DropPendingFor(GrainKey);
        foreach (var sent in State.Mail.Messages) sent.To = sent.ToName = ""; // the organiser's view keeps subject, status and time
        if (State.CheckIn is not null) State.CheckIn = State.CheckIn with { Operator = "" };
        State.History = [.. State.History.Select(h => h with { By = null }), new(Now, "erased", null, null)];
        State.Answered.Clear();
        PendingEffect[] told =
        [
            RecordEffect(new ChangeSignup(colloqueId, GrainKey, SignupChange.Forget, ++State.Revision)),
            RecordEffect(new ForgetArrivalName(colloqueId, GrainKey)),
            List(),
        ];
        State.MatchKey = "";
        await WriteStateAsync();
        await DeliveredAsync(told); // answered once no other grain shows the name

        return true;
    }

    public Task<RegistrationView?> GetAsync() => Task.FromResult(State.Exists ? View() : null);

    private void AwaitNotice()
    {
        if (_awaitingNotice) return;
        _awaitingNotice = true;
        CoveredByCaller();
    }

    // One grain per registration: its confirmation's sent mark rides on its next write (its deactivation's), one write
    // fewer per registration; a crash before that write sends the message again, under its Message-ID.
    private protected override bool OutcomesWaitForNextWrite => true;

    /// <summary>A write that changes the outbox owes the colloque's ledger the new report.</summary>
    private protected override object? OnWriting()
    {
        if (State.ColloqueId != Guid.Empty && State.MailWrittenChanged()) RecordEffect(new ReportMail(State.ColloqueId));
        return base.OnWriting();
    }

    // The outbox's messages this write carries (what commits with it may be reported).
    private long _sealedMailThrough;

    private protected override void OnSealed()
    {
        _sealedMailThrough = State.Mail.LastId;
        base.OnSealed();
    }

    private protected override void OnCommitted(object? written)
    {
        State.CommittedMailThrough = Math.Max(State.CommittedMailThrough, _sealedMailThrough); // before the effects go out
        base.OnCommitted(written);
    }

    /// <summary>The place told: recorded, and — for a self-registration that may be emailed — the email that says it.</summary>
    private void ApplyPlace(PlaceNotice notice, MailKind? mail)
    {
        State.PlaceSequence = notice.Sequence;
        State.AwaitingPlace = notice.Status == PlaceStatus.Waitlisted;
        if (notice.Status == PlaceStatus.Cancelled) return;
        var mailable = State.SelfRegistered && !State.Erased && !State.Cancelled && State.Email.Length > 0;
        if (mail is { } kind && mailable && notice.Colloque is { } colloque)
            State.Mail.Record(kind, State.Email, State.Name, MailLanguage, GrainKey,
                ColloqueMailData.Complete(ColloqueMailData.For(State.ColloqueId, GrainKey, State.SealedToken), colloque, notice), Now);
        if (mail is not null || State.PlaceTold is null) State.PlaceTold = notice.Status;
    }

    /// <summary>This registration's entry in the directory, as of a new revision.</summary>
    private PendingEffect List() => RecordEffect(new ListInDirectory(State.ColloqueId, new DirectoryEntry(GrainKey, State.Name, State.Organisation,
        State.Category, State.Erased ? "" : State.MatchKey, State.Cancelled, State.Mrc, State.BadgePrintedAt is not null, ++State.Revision)));

    private CheckInAnswer CheckIn(CheckInRequest request)
    {
        CheckInAnswer answer;
        if (State.Cancelled)
        {
            answer = Answer(CheckInResult.Cancelled);
        }
        else if (State.CheckIn is not null)
        {
            answer = Answer(CheckInResult.AlreadyCheckedIn);
            State.History.Add(new(Now, "scanned-again", request.DeskId, request.Operator));
        }
        else
        {
            // An offline desk's scan counts from when it was scanned, but never from the future.
            var at = request.ScannedAt is { } scanned && scanned < Now ? scanned : Now;
            State.CheckIn = new CheckInRecord(at, request.DeskId, request.DeskName, request.Operator);
            State.CheckInVersion++;
            State.History.Add(new(Now, "checked-in", request.DeskId, request.Operator));
            RecordEffect(new ApplyArrival(State.ColloqueId, Arrival()));
            answer = Answer(CheckInResult.CheckedIn);
        }
        Remember(request.Nonce, answer);
        return answer;
    }

    /// <summary>
    /// A new arrival reaches the desks and the dashboard as soon as this grain's write holds it: pushed ahead to the
    /// colloque's topic, not after the figures' write (the <see cref="ApplyArrival"/> effect), whose versioned
    /// <see cref="AttendeeArrived"/> follows and is the exact path. Screens apply both once, by code and check-in version.
    /// Fire-and-forget on purpose: it changes no grain's state (the relay only fans out to live connections), so a push lost
    /// with its node costs the head start, never the arrival, which the after-commit effect delivers.
    /// </summary>
    private void PushArrivalAhead(CheckInAnswer answer)
    {
        if (answer.Result != CheckInResult.CheckedIn || State.CheckIn is not { } checkIn) return;
        GrainFactory.GetGrain<ILiveRelayGrain>(0).PublishAsync(LiveBatch.AheadOf(this.GetGrainId(), ColloqueGrain.Feed, State.ColloqueId.ToString(),
            new AttendeeArrived(GrainKey, State.Category, checkIn.DeskId, checkIn.DeskName, checkIn.At, State.CheckInVersion), Now)).Ignore();
    }

    private ArrivalChange Arrival() => new(GrainKey, State.CheckInVersion, State.CheckIn is not null, State.Category,
        State.CheckIn?.DeskId, State.CheckIn?.DeskName, State.CheckIn?.Operator, State.CheckIn?.At, State.Name, State.Organisation);

    private Task<ColloqueDetails?> ColloqueAsync() => GrainFactory.GetGrain<IColloqueGrain>(State.ColloqueId).GetDetailsAsync();

    /// <summary>The language the attendee used (the public form always says which); French first, then English when none was given.</summary>
    private string? MailLanguage => State.Language is "en" or "fr" ? State.Language : null;

    private RegistrationView View() => new(GrainKey, State.ColloqueId, State.Name, State.Organisation, State.Category, State.Email,
        State.Cancelled, State.Erased, State.BadgePrintedAt, State.CheckIn, State.CheckInVersion, State.RegisteredAt,
        [.. State.History], State.Mrc, State.SelfRegistered, State.Needs, State.Language, State.ConsentedAt);

    private bool TokenMatches(string tokenHash) =>
        State.Exists && !State.Erased && State.TokenHash.Length > 0 &&
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(State.TokenHash), System.Text.Encoding.UTF8.GetBytes(tokenHash));

    private bool Mine(Guid colloqueId) => State.Exists && State.ColloqueId == colloqueId;

    private void SetDetails(AttendeeDetails details, string matchKey)
    {
        State.MatchKey = matchKey;
        State.Name = details.Name;
        State.Organisation = details.Organisation;
        State.Category = details.Category;
        State.Email = details.Email;
        State.Mrc = details.Mrc;
    }

    private CheckInAnswer Answer(CheckInResult result) => new(result, GrainKey,
        State.CheckIn?.At, State.CheckIn?.DeskId, State.CheckIn?.DeskName, State.CheckIn?.Operator,
        State.Name, State.Organisation, State.Category, State.CheckInVersion);

    private void Remember(string nonce, CheckInAnswer answer)
    {
        State.Answered.Add(new(nonce, answer));
        if (State.Answered.Count > RememberedNonces) State.Answered.RemoveAt(0);
    }
}
