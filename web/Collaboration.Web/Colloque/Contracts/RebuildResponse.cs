namespace Collaboration.Web.Colloque;

public sealed record RebuildResponse(int Changed);
