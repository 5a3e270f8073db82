namespace Collaboration.Grains.Tables;

public enum Sector { Communautaire, Institutionnel, Economique, Municipal, Autre }

public enum MemberRole { Member, Secretary }

public enum TableOutcome { Done, NotFound, AlreadyExists, Invalid }

[GenerateSerializer, Immutable]
public sealed record NewTableMember(string Name, string Organisation, Sector Sector, string Email, MemberRole Role);

[GenerateSerializer, Immutable]
public sealed record TableMemberView(
    Guid Id, string Name, string Organisation, Sector Sector, string Email, MemberRole Role, bool AccessRevoked, int AccessStamp);

[GenerateSerializer, Immutable]
public sealed record TableMeetingRef(Guid Id, string Title, DateTimeOffset StartsAt);

[GenerateSerializer, Immutable]
public sealed record TableView(
    Guid Id, long Version, string Name, int Quorum, string CreatedBy, DateTimeOffset CreatedAt,
    IReadOnlyList<TableMemberView> Members, IReadOnlyList<TableMeetingRef> Meetings)
{
    public TableMemberView? Member(Guid memberId) => Members.FirstOrDefault(m => m.Id == memberId);
}

/// <summary>Outcome of a change to a member's access; <see cref="PreviousLinkHash"/> is the link to revoke, if any.</summary>
[GenerateSerializer, Immutable]
public sealed record MemberAccessChange(TableOutcome Outcome, string? PreviousLinkHash = null, int AccessStamp = 0);
