using Collaboration.Grains.Platform;
using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Meetings;

/// <summary>A series created a meeting: owed to the meeting (created from the setup) and to the table (listed); both idempotent by the meeting's id.</summary>
[GenerateSerializer, Immutable]
[Alias("effect.create-series-meeting")]
public sealed record CreateSeriesMeeting([property: Id(0)] Guid MeetingId, [property: Id(1)] MeetingSetup Setup) : IEffect
{
    public async Task<EffectResult> DeliverAsync(EffectContext context)
    {
        var created = await context.Grains.GetGrain<IMeetingGrain>(MeetingId).CreateAsync(Setup);
        if (created.Outcome is not (MeetingOutcome.Applied or MeetingOutcome.AlreadyExists)) return EffectResult.Retry;
        var listed = await context.Grains.GetGrain<ITableGrain>(Setup.TableId).AddMeetingAsync(MeetingId, Setup.Title, Setup.StartsAt);
        return listed is TableOutcome.Done or TableOutcome.AlreadyExists or TableOutcome.NotFound ? EffectResult.Delivered : EffectResult.Retry; // an erased table lists nothing
    }
}
