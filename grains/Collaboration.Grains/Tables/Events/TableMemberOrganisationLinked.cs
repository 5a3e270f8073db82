namespace Collaboration.Grains.Tables.Events;

[GenerateSerializer, Immutable]
public sealed record TableMemberOrganisationLinked(Guid MemberId, Guid? OrganisationId);
