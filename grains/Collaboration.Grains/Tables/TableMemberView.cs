namespace Collaboration.Grains.Tables;

[GenerateSerializer, Immutable]
public sealed record TableMemberView(
    Guid Id, string Name, string Organisation, Sector Sector, string Email, MemberRole Role, bool AccessRevoked, int AccessStamp,
    Guid? OrganisationId = null);
