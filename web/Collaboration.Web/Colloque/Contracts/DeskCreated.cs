namespace Collaboration.Web.Colloque;

public sealed record DeskCreated(string DeskId, string Name, string PairingCode, DateTimeOffset ExpiresAt);
