namespace Collaboration.Web.Partners;

public sealed record UnmatchedMember(Guid TableId, string TableName, Guid MemberId, string MemberName, string TypedOrganisation, IReadOnlyList<OrganisationSuggestion> Suggestions);
