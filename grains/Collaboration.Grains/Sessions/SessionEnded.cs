namespace Collaboration.Grains.Sessions;

/// <summary>The live event every node hears when a session ends: drop it from the cache, close its hub connections.</summary>
[GenerateSerializer, Immutable, Alias("session-ended")]
public sealed record SessionEnded([property: Id(0)] string SessionId, [property: Id(1)] string Reason);
