namespace Collaboration.Grains.Tables.Events;

[GenerateSerializer, Immutable]
public sealed record TableMemberAdded(Guid MemberId, string Name, string Organisation, Sector Sector, MemberRole Role);
