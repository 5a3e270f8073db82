namespace Collaboration.Web.Colloque;

public sealed record ColloqueCreated(Guid Id, string Title, DateOnly Date, string Venue);
