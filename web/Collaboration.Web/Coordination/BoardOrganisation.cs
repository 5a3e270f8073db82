namespace Collaboration.Web.Coordination;

public sealed record BoardOrganisation(Guid Id, string Name, string Mrc);
