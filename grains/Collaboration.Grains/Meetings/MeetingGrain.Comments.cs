using Collaboration.Grains.Meetings.Events;

namespace Collaboration.Grains.Meetings;

/// <summary>
/// Comments and corrections while the minutes are circulated: a member comments on an item or proposes a new text
/// for its notes or for a decision on it; the chair accepts or declines each. An accepted correction replaces the
/// text and keeps the one it replaced, who proposed it, who accepted it and when. Before circulation there is nothing
/// to comment; once adopted, the minutes are locked (a correction then takes an erratum motion at a later meeting).
/// </summary>
public sealed partial class MeetingGrain
{
    public async Task<MeetingResult> CommentMinutesAsync(Guid commentId, MinutesCommentInput input)
    {
        if (CheckCirculated() is { } refusal) return refusal;
        if (State.Roster.FirstOrDefault(m => m.Id == input.AuthorId) is not { } author) return Refused(MeetingOutcome.UnknownMember);
        if (State.Agenda.All(i => i.Id != input.AgendaItemId)) return Refused(MeetingOutcome.UnknownItem);
        if (input.DecisionId is { } decisionId && State.Decisions.FirstOrDefault(d => d.Id == decisionId && d.AgendaItemId == input.AgendaItemId) is not { } decision)
            return Refused(MeetingOutcome.UnknownItem);
        if (!Enum.IsDefined(input.Kind) || string.IsNullOrWhiteSpace(input.Text) || input.Text.Length > MaxTextLength) return Refused(MeetingOutcome.Invalid);
        // A vote's resolution says what was voted: it is not rewritten by a correction.
        if (input.Kind == MinutesCommentKind.Correction && input.DecisionId is { } id && State.Decisions.First(d => d.Id == id).MotionId is not null)
            return Refused(MeetingOutcome.Invalid);
        if (State.MinutesComments.Any(c => c.Id == commentId)) return Refused(MeetingOutcome.AlreadyExists);
        var comment = new MinutesCommentState
        {
            Id = commentId, Kind = input.Kind, AgendaItemId = input.AgendaItemId, DecisionId = input.DecisionId, Text = input.Text.Trim(),
            AuthorId = author.Id, AuthorName = author.Name, At = Now, Status = MinutesCommentStatus.Open, Version = Version + 1,
        };
        State.MinutesComments.Add(comment);
        RaiseEvent(new MinutesCommented(CommentView(comment)));
        await WriteStateAsync();
        return Ok(CommentView(comment));
    }

    /// <summary>The chair accepts (a correction replaces the text, keeping the one before) or declines a comment still open.</summary>
    public async Task<MeetingResult> DecideMinutesCommentAsync(Guid commentId, bool accept, string decidedBy, long expectedVersion)
    {
        if (CheckCirculated() is { } refusal) return refusal;
        var comment = State.MinutesComments.FirstOrDefault(c => c.Id == commentId);
        if (comment is null) return Refused(MeetingOutcome.UnknownItem);
        if (comment.Version != expectedVersion || comment.Status != MinutesCommentStatus.Open) return Refused(MeetingOutcome.Stale, CommentView(comment));
        comment.Status = accept ? MinutesCommentStatus.Accepted : MinutesCommentStatus.Declined;
        comment.DecidedBy = decidedBy;
        comment.DecidedAt = Now;
        comment.Version = Version + 1;
        if (accept && comment.Kind == MinutesCommentKind.Correction) ApplyCorrection(comment);
        RaiseEvent(new MinutesCommented(CommentView(comment)));
        await WriteStateAsync();
        return Ok(CommentView(comment));
    }

    private void ApplyCorrection(MinutesCommentState correction)
    {
        if (correction.DecisionId is { } decisionId)
        {
            var index = State.Decisions.FindIndex(d => d.Id == decisionId);
            correction.PreviousText = State.Decisions[index].Text;
            State.Decisions[index] = State.Decisions[index] with { Text = correction.Text, Version = correction.Version };
            RaiseEvent(new DecisionRecorded(State.Decisions[index]));
            return;
        }
        var item = State.Agenda.First(i => i.Id == correction.AgendaItemId);
        correction.PreviousText = item.Notes;
        item.Notes = correction.Text;
        item.Version = correction.Version;
        RaiseEvent(new AgendaItemEdited(ToView(item)));
    }

    private MeetingResult? CheckCirculated() =>
        !State.Exists ? Refused(MeetingOutcome.NotFound)
        : State.MinutesStatus == MinutesStatus.Adopted ? Refused(MeetingOutcome.MinutesAdopted, Minutes())
        : State.MinutesStatus != MinutesStatus.Circulated ? Refused(MeetingOutcome.MinutesNotCirculated)
        : null;

    private static MinutesCommentView CommentView(MinutesCommentState c) => new(
        c.Id, c.Kind, c.AgendaItemId, c.DecisionId, c.Text, c.AuthorId, c.AuthorName, c.At, c.Status, c.DecidedBy, c.DecidedAt, c.PreviousText, c.Version);
}
