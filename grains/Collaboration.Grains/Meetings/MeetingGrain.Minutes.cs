using Collaboration.Grains.Mail;
using Collaboration.Grains.Meetings.Events;

namespace Collaboration.Grains.Meetings;

/// <summary>
/// The procès-verbal's life: a draft when the meeting closes; circulated to the members (by email, with its link);
/// adopted by a motion at a later meeting of the table, whose agenda carries "Adoption du procès-verbal…": the
/// carried motion tells this meeting (<see cref="AdoptMinutes"/>), which locks its minutes and says when and where.
/// </summary>
public sealed partial class MeetingGrain
{
    public async Task<MeetingResult> CirculateMinutesAsync(IReadOnlyList<MailRecipient> recipients)
    {
        if (!State.Exists) return Refused(MeetingOutcome.NotFound);
        if (State.Status != MeetingStatus.Closed) return Refused(MeetingOutcome.WrongStatus);
        if (State.MinutesStatus == MinutesStatus.Adopted) return Refused(MeetingOutcome.MinutesAdopted, Minutes());
        if (recipients.Count == 0) return Refused(MeetingOutcome.NoRecipients);
        State.MinutesStatus = MinutesStatus.Circulated;
        State.MinutesCirculatedAt = Now;
        foreach (var recipient in recipients)
            State.Mail.Record(MailKind.MeetingMinutes, recipient.Email, recipient.Name, recipient.Language, recipient.Reference, MinutesData(), Now);
        RaiseEvent(new MinutesChanged(Minutes()));
        await WriteStateAsync();
        return Ok(Minutes());
    }

    public async Task AdoptMinutesAsync(AdoptMinutes adoption)
    {
        if (!State.Exists || State.MinutesStatus == MinutesStatus.Adopted) return; // the same adoption twice changes nothing
        State.MinutesStatus = MinutesStatus.Adopted;
        State.MinutesAdoptedAt = adoption.AdoptedAt;
        State.MinutesAdoptedIn = adoption.AdoptedInMeetingId;
        State.MinutesAdoptedInTitle = adoption.AdoptedInMeetingTitle;
        State.MinutesAdoptedBy = adoption.MotionId;
        RaiseEvent(new MinutesChanged(Minutes()));
        await WriteStateAsync();
    }

    /// <summary>A carried motion on an "adoption du procès-verbal" item owes the earlier meeting its adoption.</summary>
    private void OweAdoption(MotionState motion)
    {
        if (motion.Status != MotionStatus.Adopted) return;
        if (State.Agenda.FirstOrDefault(i => i.Id == motion.AgendaItemId)?.AdoptsMinutesOf is not { } earlier) return;
        RecordEffect(new AdoptMinutes(earlier, GrainGuidKey, State.Title, motion.Id, Now));
    }

    private MinutesView Minutes() => new(State.MinutesStatus, State.MinutesCirculatedAt, State.MinutesAdoptedAt,
        State.MinutesAdoptedIn, State.MinutesAdoptedInTitle, State.MinutesAdoptedBy, [.. State.MinutesComments.Select(CommentView)], [.. State.Errata]);
}
