namespace Collaboration.Grains.Tables;

[GenerateSerializer, Immutable]
public sealed record NewTableMember(string Name, string Organisation, Sector Sector, string Email, MemberRole Role, Guid? OrganisationId = null);
