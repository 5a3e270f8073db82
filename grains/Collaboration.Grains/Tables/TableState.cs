namespace Collaboration.Grains.Tables;

public sealed class TableState
{
    public bool Exists { get; set; }
    public string Name { get; set; } = "";
    public int Quorum { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public List<TableMemberState> Members { get; set; } = [];
    public List<TableMeetingRef> Meetings { get; set; } = [];
}

public sealed class TableMemberState
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Organisation { get; set; } = "";
    public Sector Sector { get; set; }
    public string Email { get; set; } = "";
    public MemberRole Role { get; set; }
    public string? LinkHash { get; set; }
    public bool AccessRevoked { get; set; }

    /// <summary>Bumped at each revocation: cookies carry the stamp they were issued under.</summary>
    public int AccessStamp { get; set; }
}
