namespace Collaboration.Grains.Meetings.Events;

[GenerateSerializer, Immutable]
public sealed record RosterExtended(IReadOnlyList<RosterMember> Members);
