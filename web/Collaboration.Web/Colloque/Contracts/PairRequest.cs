namespace Collaboration.Web.Colloque;

public sealed record PairRequest(string? PairingCode);
