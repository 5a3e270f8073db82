namespace Collaboration.Web.Colloque;

public sealed record CreateColloqueRequest(string? Title, string? Date, string? Venue);
