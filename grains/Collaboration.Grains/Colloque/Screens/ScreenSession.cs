namespace Collaboration.Grains.Colloque;

/// <summary>What a room screen needs of a programme session to decide "now" and "next" (titles come with the public programme).</summary>
[GenerateSerializer, Immutable]
public sealed record ScreenSession(Guid Id, string Room, DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    public static ScreenSession Of(ProgrammeSession session) => new(session.Id, session.Room, session.StartsAt, session.EndsAt);
}
