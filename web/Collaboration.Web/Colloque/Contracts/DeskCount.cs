namespace Collaboration.Web.Colloque;

public sealed record DeskCount(string DeskId, string Name, int Count);
