using Collaboration.Grains.Meetings.Events;

namespace Collaboration.Grains.Meetings;

/// <summary>
/// The speaking queue: a member raises a hand from their device (or the chair adds a hand raised in the room), in
/// order of request; the chair gives the floor to the next (or a named) speaker, whose time runs from then against
/// an optional limit; a member lowers their own hand. Changing the agenda item empties the queue unless the chair keeps it.
/// It is grain state, so every node shows the same order and a node's death loses nothing.
/// </summary>
public sealed partial class MeetingGrain
{
    public const int MaxSpeakingLimitSeconds = 3600;

    public async Task<MeetingResult> RaiseHandAsync(Guid memberId, bool byChair)
    {
        if (Check() is { } refusal) return refusal;
        if (State.Status != MeetingStatus.InProgress) return Refused(MeetingOutcome.WrongStatus);
        if (State.Roster.FirstOrDefault(m => m.Id == memberId) is not { } member) return Refused(MeetingOutcome.UnknownMember);
        if (State.Queue.Any(h => h.MemberId == memberId)) return Ok(Floor());
        State.Queue.Add(new RaisedHand(member.Id, member.Name, Now, byChair));
        return await FloorChangedAsync();
    }

    public async Task<MeetingResult> LowerHandAsync(Guid memberId)
    {
        if (Check() is { } refusal) return refusal;
        if (State.Queue.RemoveAll(h => h.MemberId == memberId) == 0) return Ok(Floor());
        return await FloorChangedAsync();
    }

    /// <summary>Gives the floor to <paramref name="memberId"/> (who leaves the queue), or to the first in the queue when null.</summary>
    public async Task<MeetingResult> GiveFloorAsync(Guid? memberId)
    {
        if (Check() is { } refusal) return refusal;
        if (State.Status != MeetingStatus.InProgress) return Refused(MeetingOutcome.WrongStatus);
        var hand = memberId is { } id ? State.Queue.FirstOrDefault(h => h.MemberId == id) : State.Queue.FirstOrDefault();
        RosterMember? next = hand is not null ? State.Roster.FirstOrDefault(m => m.Id == hand.MemberId)
            : memberId is { } named ? State.Roster.FirstOrDefault(m => m.Id == named) : null;
        if (next is null) return Refused(memberId is null ? MeetingOutcome.QueueEmpty : MeetingOutcome.UnknownMember);
        State.Queue.RemoveAll(h => h.MemberId == next.Id);
        State.Speaker = new Speaker(next.Id, next.Name, Now);
        return await FloorChangedAsync();
    }

    public async Task<MeetingResult> EndSpeakingAsync()
    {
        if (Check() is { } refusal) return refusal;
        if (State.Speaker is null) return Ok(Floor());
        State.Speaker = null;
        return await FloorChangedAsync();
    }

    /// <summary>The time each speaker has, shown in the room (null: no limit).</summary>
    public async Task<MeetingResult> SetSpeakingLimitAsync(int? seconds)
    {
        if (Check() is { } refusal) return refusal;
        if (seconds is < 10 or > MaxSpeakingLimitSeconds) return Refused(MeetingOutcome.Invalid);
        if (State.SpeakingLimitSeconds == seconds) return Ok(Floor());
        State.SpeakingLimitSeconds = seconds;
        return await FloorChangedAsync();
    }

    private async Task<MeetingResult> FloorChangedAsync()
    {
        RaiseEvent(new FloorChanged(Floor()));
        await WriteStateAsync();
        return Ok(Floor());
    }

    /// <summary>A new agenda item: the queue and the speaker go, unless the chair keeps them.</summary>
    private void ClearFloor()
    {
        State.Queue.Clear();
        State.Speaker = null;
    }

    private FloorView Floor() => new([.. State.Queue], State.Speaker, State.SpeakingLimitSeconds);
}
