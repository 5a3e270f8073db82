namespace Collaboration.Grains.Sessions;

[GenerateSerializer, Immutable, Alias("session-info")]
public sealed record SessionInfo(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Label,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] string? Address,
    [property: Id(5)] string? UserAgent,
    [property: Id(6)] DateTimeOffset? EndedAt,
    [property: Id(7)] string? EndReason);
