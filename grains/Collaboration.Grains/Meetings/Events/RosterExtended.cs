namespace Collaboration.Grains.Meetings.Events;

public sealed record RosterExtended(IReadOnlyList<RosterMember> Members);
