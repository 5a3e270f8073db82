namespace Collaboration.Web.Coordination;

public sealed record BoardTable(Guid Id, string Name, long Version);
