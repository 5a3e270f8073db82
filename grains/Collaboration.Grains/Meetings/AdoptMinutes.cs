using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Meetings;

/// <summary>
/// A motion adopting an earlier meeting's minutes carried: owed to that meeting, which locks its minutes and records
/// where and when they were adopted (idempotent by the motion's id).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("effect.adopt-minutes")]
public sealed record AdoptMinutes(
    [property: Id(0)] Guid MeetingId, [property: Id(1)] Guid AdoptedInMeetingId, [property: Id(2)] string AdoptedInMeetingTitle,
    [property: Id(3)] Guid MotionId, [property: Id(4)] DateTimeOffset AdoptedAt) : IEffect
{
    public string? Key => $"adopt-minutes:{MeetingId:N}";

    public async Task<EffectResult> DeliverAsync(EffectContext context)
    {
        await context.Grains.GetGrain<IMeetingGrain>(MeetingId).AdoptMinutesAsync(this);
        return EffectResult.Delivered;
    }
}
