namespace Collaboration.Grains.Tables.Events;

public sealed record TableMemberAdded(Guid MemberId, string Name, string Organisation, Sector Sector, MemberRole Role);
