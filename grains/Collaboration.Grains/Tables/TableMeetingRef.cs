namespace Collaboration.Grains.Tables;

[GenerateSerializer, Immutable]
public sealed record TableMeetingRef(Guid Id, string Title, DateTimeOffset StartsAt);
