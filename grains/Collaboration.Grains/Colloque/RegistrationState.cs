namespace Collaboration.Grains.Colloque;

public sealed class RegistrationState
{
    public bool Exists { get; set; }
    public Guid ColloqueId { get; set; }
    public string Name { get; set; } = "";
    public string Organisation { get; set; } = "";
    public AttendeeCategory Category { get; set; }
    public string Email { get; set; } = "";
    public bool Cancelled { get; set; }
    public bool Erased { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset? BadgePrintedAt { get; set; }
    public CheckInRecord? CheckIn { get; set; }

    /// <summary>Goes up by one at each check-in and each undo; keys the colloque's aggregate update.</summary>
    public long CheckInVersion { get; set; }

    public List<RegistrationHistoryEntry> History { get; set; } = [];

    /// <summary>Answers already given, by desk nonce, oldest first (bounded).</summary>
    public List<AnsweredNonce> Answered { get; set; } = [];
}

public sealed record AnsweredNonce(string Nonce, CheckInAnswer Answer);
