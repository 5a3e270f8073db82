using Collaboration.Grains.Mail;

namespace Collaboration.Grains.Colloque;

[GenerateSerializer]
public sealed class RegistrationState : IMailOutboxState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public Guid ColloqueId { get; set; }
    [Id(2)] public string Name { get; set; } = "";
    [Id(3)] public string Organisation { get; set; } = "";
    [Id(4)] public AttendeeCategory Category { get; set; }
    [Id(5)] public string Email { get; set; } = "";
    [Id(6)] public bool Cancelled { get; set; }
    [Id(7)] public bool Erased { get; set; }
    [Id(8)] public DateTimeOffset RegisteredAt { get; set; }
    [Id(9)] public DateTimeOffset? BadgePrintedAt { get; set; }
    [Id(10)] public CheckInRecord? CheckIn { get; set; }

    /// <summary>Goes up by one at each check-in and each undo; keys the colloque's aggregate update.</summary>
    [Id(11)] public long CheckInVersion { get; set; }

    [Id(12)] public List<RegistrationHistoryEntry> History { get; set; } = [];

    /// <summary>Answers already given, by desk nonce, oldest first (bounded).</summary>
    [Id(13)] public List<AnsweredNonce> Answered { get; set; } = [];

    [Id(14)] public Mrc? Mrc { get; set; }

    // Self-registration (the public form); empty for an imported or walk-in attendee.
    [Id(15)] public bool SelfRegistered { get; set; }

    /// <summary>
    /// Waitlisted: the place is decided by the colloque's <see cref="IColloqueSignupsGrain"/>, which tells this
    /// grain when it confirms it (or which a check-in asks).
    /// </summary>
    [Id(16)] public bool AwaitingPlace { get; set; }
    [Id(17)] public string TokenHash { get; set; } = "";
    [Id(18)] public AttendeeNeeds? Needs { get; set; }
    [Id(19)] public string Language { get; set; } = "fr";
    [Id(20)] public DateTimeOffset? ConsentedAt { get; set; }

    /// <summary>The attendee's emails: the confirmation is recorded held with the self-registration, released once the place is told.</summary>
    [Id(21)] public MailOutbox Mail { get; set; } = new();

    /// <summary>The manage token sealed by the web layer (never the token itself), so a later email carries the private link.</summary>
    [Id(22)] public string SealedToken { get; set; } = "";

    /// <summary>The place the attendee's emails last told (null: none yet); places only move from waitlisted to confirmed.</summary>
    [Id(23)] public PlaceStatus? PlaceTold { get; set; }

    /// <summary>Goes up with each write that changes the outbox, so the colloque's outbox ledger keeps the latest report (<see cref="MailReport"/>).</summary>
    [Id(24)] public long MailVersion { get; set; }

    /// <summary>The highest <see cref="PlaceNotice.Sequence"/> applied: an older or repeated notice changes nothing.</summary>
    [Id(25)] public long PlaceSequence { get; set; }

    /// <summary>Rises with each change the directory and the signups grain hear of (they keep the highest).</summary>
    [Id(26)] public long Revision { get; set; }

    /// <summary>A hash of the email (or of name + organisation): finds the person again.</summary>
    [Id(27)] public string MatchKey { get; set; } = "";

    /// <summary>When its manage link was last mailed on request (a form or "find my registration" typed its address).</summary>
    [Id(28)] public DateTimeOffset? ManageLinkSentAt { get; set; }

    /// <summary>What this grain's committed changes still owe to others (see <see cref="Platform.AfterCommitGrain{TState}"/>).</summary>
    [Id(90)] public Platform.EffectOutbox Effects { get; set; } = new();

    // Not stored (no [Id]): what this activation told the colloque's mail ledger, and how far its outbox has committed.
    [NonSerialized] private string _reportedMail = "";
    [NonSerialized] private int _reportsSinceWrite;
    [NonSerialized] private long _committedMailThrough;

    /// <summary>The outbox's messages up to this id are in committed state: only those are reported.</summary>
    internal long CommittedMailThrough
    {
        get => _committedMailThrough;
        set => _committedMailThrough = value;
    }

    /// <summary>At activation: the stored outbox has committed, and counts as reported.</summary>
    internal void MailLoaded()
    {
        CommittedMailThrough = Mail.LastId;
        _reportedMail = MailFingerprint(long.MaxValue);
    }

    /// <summary>
    /// Before a write: true when the outbox changed since the last report, so the write owes the ledger a new one. The
    /// stored version goes up with it, above any version this activation reported since the last write.
    /// </summary>
    internal bool MailWrittenChanged()
    {
        if (MailFingerprint(long.MaxValue) == _reportedMail) return false;
        MailVersion++;
        _reportsSinceWrite = 0;
        return true;
    }

    /// <summary>
    /// The outbox as the colloque's mail ledger keeps it: the messages committed writes hold, each with its latest outcome
    /// (an email marked sent is written with the next write; the ledger hears of it at once). Versions rise with every change:
    /// the stored <see cref="MailVersion"/> then the reports made since the last write, so the ledger keeps the newest.
    /// </summary>
    internal ColloqueMailReport MailReport(string code, IMailDelivery? delivery)
    {
        var fingerprint = MailFingerprint(CommittedMailThrough);
        if (fingerprint != _reportedMail)
        {
            _reportedMail = fingerprint;
            _reportsSinceWrite = Math.Min(_reportsSinceWrite + 1, ReportsPerWrite - 1);
        }
        return new(code, MailVersion * ReportsPerWrite + _reportsSinceWrite,
            [.. Mail.Views(delivery).Where(m => m.Status != MailStatus.Held && m.Id <= CommittedMailThrough)]);
    }

    // Reports one activation makes between two writes (a delivery round each): far fewer than this.
    private const int ReportsPerWrite = 1024;

    private string MailFingerprint(long through) => string.Join(',', Mail.Messages.Where(m => m.Status != MailStatus.Held && m.Id <= through)
        .Select(m => $"{m.Id}:{(int)m.Status}:{m.Attempts}:{m.To.Length}"));
}
