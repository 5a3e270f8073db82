using Collaboration.Grains.Live;

namespace Collaboration.Grains.Workshops;

/// <summary>A notification to send (e.g. "you have a seat now"), recorded in the same write as its cause.</summary>
[GenerateSerializer, Immutable]
public sealed record OutboxMessage(long Id, string Kind, string RegistrationCode, string Email, string ContactName, DateTimeOffset CreatedAt, bool Sent);
