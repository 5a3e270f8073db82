using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Colloque;

/// <summary>
/// An attendee of the organiser's list (typed in or imported), owed to its registration grain: created, or
/// its personal fields replaced. The signups grain decided the code and the place in the same write.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("effect.record-attendee")]
public sealed record RecordAttendee([property: Id(0)] Guid ColloqueId, [property: Id(1)] string Code, [property: Id(2)] AttendeeDetails Details,
    [property: Id(3)] string MatchKey) : IEffect
{
    public string? Key => $"attendee:{Code}";

    public async Task<EffectResult> DeliverAsync(EffectContext context)
    {
        await context.Grains.GetGrain<IRegistrationGrain>(Code).RecordAttendeeAsync(ColloqueId, Details, MatchKey);
        return EffectResult.Delivered;
    }
}
