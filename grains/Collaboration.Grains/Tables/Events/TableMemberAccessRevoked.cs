namespace Collaboration.Grains.Tables.Events;

[GenerateSerializer, Immutable]
public sealed record TableMemberAccessRevoked(Guid MemberId);
