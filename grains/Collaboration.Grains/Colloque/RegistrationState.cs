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

    /// <summary>Goes up each time the outbox changes, so the colloque's outbox ledger keeps the latest report.</summary>
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
}
