using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Meetings;

/// <summary>An erratum motion carried: owed to the meeting whose adopted minutes it corrects (idempotent by the motion's id).</summary>
[GenerateSerializer, Immutable]
[Alias("effect.record-erratum")]
public sealed record RecordErratum([property: Id(0)] Guid MeetingId, [property: Id(1)] ErratumView Erratum) : IEffect
{
    public async Task<EffectResult> DeliverAsync(EffectContext context)
    {
        await context.Grains.GetGrain<IMeetingGrain>(MeetingId).RecordErratumAsync(Erratum);
        return EffectResult.Delivered;
    }
}
