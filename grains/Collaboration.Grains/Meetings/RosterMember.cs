using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Meetings;

[GenerateSerializer, Immutable]
public sealed record RosterMember(Guid Id, string Name, string Organisation, Sector Sector, MemberRole Role);
