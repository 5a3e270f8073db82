namespace Collaboration.Web.Colloque;

public sealed record DeskRequest(string? Name);
