namespace Collaboration.Web.Partners;

public sealed record OrganisationSuggestion(Guid Id, string Name);
