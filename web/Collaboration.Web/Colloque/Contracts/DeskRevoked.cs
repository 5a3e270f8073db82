namespace Collaboration.Web.Colloque;

public sealed record DeskRevoked(string DeskId, int Ended);
