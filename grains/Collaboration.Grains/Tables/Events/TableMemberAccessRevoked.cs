namespace Collaboration.Grains.Tables.Events;

public sealed record TableMemberAccessRevoked(Guid MemberId);
