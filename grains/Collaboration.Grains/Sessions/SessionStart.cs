namespace Collaboration.Grains.Sessions;

/// <summary>
/// What a new session records: the subjects it speaks for ("organiser:ana@x.ca", "member:{id}",
/// "desk:{colloque}:{desk}"), its kind (organiser, member, desk), a label, and where it signed in from.
/// </summary>
[GenerateSerializer, Immutable, Alias("session-start")]
public sealed record SessionStart(
    [property: Id(0)] IReadOnlyList<string> Subjects,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Label,
    [property: Id(3)] string? Address,
    [property: Id(4)] string? UserAgent);
