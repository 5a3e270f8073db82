namespace Collaboration.Web.Colloque;

/// <summary><c>Override</c> (organiser only): admit a waitlisted attendee, giving them a place.</summary>
public sealed record CheckInBody(string? Code, string? Nonce, string? Operator, DateTimeOffset? ScannedAt, bool? Override = null);
