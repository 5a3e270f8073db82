using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Meetings;

[GenerateSerializer, Immutable]
public sealed record MeetingResult(MeetingOutcome Outcome, long Version, object? Current = null)
{
    public bool Applied => Outcome == MeetingOutcome.Applied;
}
