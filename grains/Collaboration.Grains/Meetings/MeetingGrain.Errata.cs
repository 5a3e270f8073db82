using Collaboration.Grains.Meetings.Events;

namespace Collaboration.Grains.Meetings;

/// <summary>
/// Adopted minutes are never edited: a correction is an erratum, a motion at a later meeting of the table. Carried, it
/// is recorded on the earlier meeting's minutes (after commit), beside the text it corrects, which stays as adopted.
/// </summary>
public sealed partial class MeetingGrain
{
    public async Task<MeetingResult> OpenErratumMotionAsync(Guid motionId, MotionInput input, Guid correctsMeetingId)
    {
        if (correctsMeetingId == GrainGuidKey) return Refused(MeetingOutcome.Invalid);
        State.ErratumMotions[motionId] = correctsMeetingId; // written with the motion, or dropped with a refusal
        var opened = await OpenMotionAsync(motionId, input);
        if (!opened.Applied) State.ErratumMotions.Remove(motionId);
        return opened;
    }

    public async Task RecordErratumAsync(ErratumView erratum)
    {
        if (!State.Exists || State.Errata.Any(e => e.MotionId == erratum.MotionId)) return; // the same erratum twice changes nothing
        State.Errata.Add(erratum);
        RaiseEvent(new MinutesChanged(Minutes()));
        await WriteStateAsync();
    }

    /// <summary>A carried erratum motion owes the earlier meeting its erratum.</summary>
    private void OweErratum(MotionState motion)
    {
        if (motion.Status != MotionStatus.Adopted || !State.ErratumMotions.TryGetValue(motion.Id, out var earlier)) return;
        RecordEffect(new RecordErratum(earlier, new ErratumView(motion.Id, GrainGuidKey, State.Title, motion.Text, Now)));
    }
}
