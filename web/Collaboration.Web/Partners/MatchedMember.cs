namespace Collaboration.Web.Partners;

public sealed record MatchedMember(Guid TableId, string TableName, Guid MemberId, string MemberName, string TypedOrganisation, Guid OrganisationId, string OrganisationName);
