using Collaboration.Grains.Mail;
using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Colloque;

[Orleans.Placement.PreferLocalPlacement] // created by the node that took the registration, which calls it at once
[GrainType("colloque-registration")]
public sealed class RegistrationGrain(
    [PersistentState("colloque-registration", StorageNames.Grains)] IPersistentState<RegistrationState> state, TimeProvider clock)
    : DurableGrain<RegistrationState>(state, clock), IRegistrationGrain
{
    /// <summary>How long the desk that checked a badge in may undo it alone.</summary>
    public static readonly TimeSpan DeskUndoWindow = TimeSpan.FromMinutes(2);

    /// <summary>Answers remembered per registration; a desk resends a nonce within minutes, not after hundreds of scans.</summary>
    public const int RememberedNonces = 64;

    // The outbox as last reported to the colloque's ledger (id, status, attempts of each message).
    private string _reportedMail = "";
    private bool _mailChanged;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _reportedMail = MailFingerprint();
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<bool> RegisterAsync(Guid colloqueId, AttendeeDetails details)
    {
        if (State.Exists) return false;
        State.Exists = true;
        State.ColloqueId = colloqueId;
        SetDetails(details);
        State.RegisteredAt = Now;
        State.History.Add(new(Now, "registered", null, null));
        await WriteStateAsync();
        return true;
    }

    public async Task<bool> RegisterSelfAsync(Guid colloqueId, SelfRegistration registration)
    {
        if (State.Exists) return false;
        State.Exists = true;
        State.ColloqueId = colloqueId;
        SetDetails(registration.Details);
        State.SelfRegistered = true;
        State.AwaitingPlace = true;
        State.TokenHash = registration.TokenHash;
        State.Needs = registration.Needs is { IsEmpty: false } needs ? needs : null;
        State.Language = registration.Language;
        State.ConsentedAt = registration.ConsentedAt;
        State.SealedToken = registration.SealedToken;
        State.RegisteredAt = Now;
        State.History.Add(new(Now, "self-registered", null, null));
        // The confirmation commits with the registration, held until the place is told (TellPlaceAsync).
        State.Mail.Hold(MailKind.ColloqueRegistered, State.Email, State.Name, MailLanguage, GrainKey,
            ColloqueMailData.Held(colloqueId, GrainKey, State.SealedToken), Now);
        await WriteStateAsync();
        return true;
    }

    public async Task<bool> TellPlaceAsync(Guid colloqueId, PlaceNotice notice)
    {
        if (!Mine(colloqueId)) return false;
        var held = State.Mail.Messages.Find(m => m.Status == MailStatus.Held);
        var mailable = State.SelfRegistered && !State.Erased && !State.Cancelled && State.Email.Length > 0;
        var changed = notice.Status == PlaceStatus.Confirmed && State.AwaitingPlace;
        MailKind? send = null;
        if (!mailable || notice.Status == PlaceStatus.Cancelled)
        {
            if (held is not null) changed = true;
        }
        else if (held is not null)
        {
            send = notice.Status == PlaceStatus.Confirmed ? MailKind.ColloqueRegistered : MailKind.ColloqueWaitlisted;
        }
        else if (notice.Status == PlaceStatus.Confirmed && State.PlaceTold == PlaceStatus.Waitlisted)
        {
            send = MailKind.ColloquePromoted;
        }
        if (send is null && !changed) return true; // told already (a repeated or late notice)

        // The colloque's title, date and venue, read before anything changes (this grain's calls run one at a time).
        var colloque = send is null ? null : await GrainFactory.GetGrain<IColloqueGrain>(colloqueId).GetDetailsAsync();
        if (notice.Status == PlaceStatus.Confirmed) State.AwaitingPlace = false;
        if (send is { } kind && colloque is not null)
        {
            if (held is not null)
            {
                held.Kind = kind;
                held.Data = ColloqueMailData.Complete(held.Data ?? ColloqueMailData.Held(colloqueId, GrainKey, State.SealedToken), colloque, notice);
                held.Status = MailStatus.Pending;
            }
            else
            {
                State.Mail.Record(kind, State.Email, State.Name, MailLanguage, GrainKey,
                    ColloqueMailData.Complete(ColloqueMailData.Held(colloqueId, GrainKey, State.SealedToken), colloque, notice), Now);
            }
            State.PlaceTold = notice.Status;
        }
        else if (held is not null && (!mailable || notice.Status == PlaceStatus.Cancelled))
        {
            State.Mail.Messages.Remove(held);
        }
        await WriteStateAsync();
        return true;
    }

    /// <summary>Held messages are not shown: they are not emails yet (an abandoned registration's never will be).</summary>
    public async Task<ColloqueMailReport> GetMailReportAsync() =>
        new(GrainKey, State.MailVersion, [.. (await GetMailAsync()).Where(m => m.Status != MailStatus.Held)]);

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

    public async Task ConfirmPlaceAsync()
    {
        if (!State.Exists || !State.AwaitingPlace) return;
        State.AwaitingPlace = false;
        await WriteStateAsync();
    }

    public async Task AbandonAsync()
    {
        if (!State.Exists || !State.SelfRegistered || !State.AwaitingPlace || State.CheckIn is not null) return;
        State.Exists = false;
        State.Name = State.Organisation = State.Email = State.TokenHash = State.SealedToken = "";
        State.Mrc = null;
        State.Needs = null;
        State.History.Clear();
        State.Mail.Messages.Clear(); // the held confirmation: no email for a registration that never was
        await WriteStateAsync();
    }

    public async Task<bool> UpdateAsync(Guid colloqueId, AttendeeDetails details)
    {
        if (!Mine(colloqueId) || State.Erased) return false;
        if (State.Name == details.Name && State.Organisation == details.Organisation &&
            State.Category == details.Category && State.Email == details.Email && State.Mrc == details.Mrc) return true;
        SetDetails(details);
        State.History.Add(new(Now, "updated", null, null));
        await WriteStateAsync();
        return true;
    }

    public async Task<CheckInAnswer> CheckInAsync(CheckInRequest request)
    {
        if (!Mine(request.ColloqueId)) return new(CheckInResult.Unknown, GrainKey);
        var earlier = State.Answered.Find(a => a.Nonce == request.Nonce);
        if (earlier is not null) return earlier.Answer;

        CheckInAnswer answer;
        if (State.Cancelled)
        {
            answer = Answer(CheckInResult.Cancelled);
        }
        else if (State.AwaitingPlace && State.CheckIn is null)
        {
            // Not remembered: once the signups grain confirms the place, the same scan goes through.
            return Answer(CheckInResult.Waitlisted);
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
            answer = Answer(CheckInResult.CheckedIn);
        }
        Remember(request.Nonce, answer);
        await WriteStateAsync();
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
        await WriteStateAsync();
        return new(UndoResult.Undone, State.CheckInVersion);
    }

    public async Task<bool> SetCancelledAsync(Guid colloqueId, bool cancelled, string by)
    {
        if (!Mine(colloqueId)) return false;
        if (State.Cancelled == cancelled) return true;
        var receipt = cancelled && State.SelfRegistered && !State.Erased && State.Email.Length > 0
            ? await GrainFactory.GetGrain<IColloqueGrain>(colloqueId).GetDetailsAsync() : null;
        State.Cancelled = cancelled;
        State.History.Add(new(Now, cancelled ? "cancelled" : "reinstated", null, by));
        if (cancelled)
        {
            State.Mail.Messages.RemoveAll(m => m.Status == MailStatus.Held); // never told a place: only the receipt goes
            if (receipt is not null)
                State.Mail.Record(MailKind.ColloqueCancelled, State.Email, State.Name, MailLanguage, GrainKey,
                    ColloqueMailData.Complete(ColloqueMailData.Held(colloqueId, GrainKey, ""), receipt, null), Now);
        }
        await WriteStateAsync();
        return true;
    }

    public async Task<bool> MarkBadgePrintedAsync(Guid colloqueId)
    {
        if (!Mine(colloqueId)) return false;
        State.BadgePrintedAt = Now;
        State.History.Add(new(Now, "badge-printed", null, null));
        await WriteStateAsync();
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
        await WriteStateAsync();
        return true;
    }

    public Task<RegistrationView?> GetAsync() => Task.FromResult(State.Exists ? View() : null);

    /// <summary>Notes whether this write changes the outbox (the ledger hears of it after the commit).</summary>
    private protected override object? OnWriting()
    {
        var fingerprint = MailFingerprint();
        if (fingerprint != _reportedMail)
        {
            _reportedMail = fingerprint;
            State.MailVersion++;
            _mailChanged = true;
        }
        return base.OnWriting();
    }

    private protected override void OnCommitted(object? written)
    {
        base.OnCommitted(written);
        if (!_mailChanged || State.ColloqueId == Guid.Empty) return;
        _mailChanged = false;
        _ = ReportMailAsync();
    }

    private async Task ReportMailAsync()
    {
        try
        {
            await GrainFactory.GetGrain<IColloqueOutboxGrain>(State.ColloqueId).ReportAsync(await GetMailReportAsync());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The ledger is a view: it is rebuilt from the registrations when it reactivates.
        }
    }

    private string MailFingerprint() => string.Join(',', State.Mail.Messages.Where(m => m.Status != MailStatus.Held)
        .Select(m => $"{m.Id}:{(int)m.Status}:{m.Attempts}:{m.To.Length}"));

    /// <summary>English only when the attendee chose English; otherwise French first, then English.</summary>
    private string? MailLanguage => State.Language == "en" ? "en" : null;

    private RegistrationView View() => new(GrainKey, State.ColloqueId, State.Name, State.Organisation, State.Category, State.Email,
        State.Cancelled, State.Erased, State.BadgePrintedAt, State.CheckIn, State.CheckInVersion, State.RegisteredAt,
        [.. State.History], State.Mrc, State.SelfRegistered, State.Needs, State.Language, State.ConsentedAt);

    private bool TokenMatches(string tokenHash) =>
        State.Exists && !State.Erased && State.TokenHash.Length > 0 &&
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(State.TokenHash), System.Text.Encoding.UTF8.GetBytes(tokenHash));

    private bool Mine(Guid colloqueId) => State.Exists && State.ColloqueId == colloqueId;

    private void SetDetails(AttendeeDetails details)
    {
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
