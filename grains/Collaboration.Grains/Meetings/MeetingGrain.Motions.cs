using Collaboration.Grains.Meetings.Events;

namespace Collaboration.Grains.Meetings;

/// <summary>
/// Motions and votes: the chair opens a motion on an agenda item (proposer and seconder among the members marked
/// present or remote, quorum checked from those marks); each such member votes from their own device and may change
/// their vote until the chair closes it; the chair may add a show of hands for members present without a device,
/// never counting anyone twice; closing checks the quorum again and records the result as a decision, in the same write.
/// </summary>
public sealed partial class MeetingGrain
{
    public async Task<MeetingResult> OpenMotionAsync(Guid motionId, MotionInput input)
    {
        if (Check() is { } refusal) return refusal;
        if (State.Status != MeetingStatus.InProgress) return Refused(MeetingOutcome.WrongStatus);
        if (State.Motions.Any(m => m.Id == motionId)) return Refused(MeetingOutcome.AlreadyExists);
        if (State.Motions.FirstOrDefault(m => m.Status == MotionStatus.Open) is { } running) return Refused(MeetingOutcome.MotionOpen, MotionView(running));
        var itemId = input.AgendaItemId ?? State.CurrentItemId;
        if (itemId is null || State.Agenda.All(i => i.Id != itemId)) return Refused(MeetingOutcome.UnknownItem);
        if (string.IsNullOrWhiteSpace(input.Text) || input.Text.Length > MaxTextLength || !Enum.IsDefined(input.Kind)) return Refused(MeetingOutcome.Invalid);
        var proposer = State.Roster.FirstOrDefault(m => m.Id == input.ProposerId);
        var seconder = State.Roster.FirstOrDefault(m => m.Id == input.SeconderId);
        if (proposer is null || seconder is null) return Refused(MeetingOutcome.UnknownMember);
        if (proposer.Id == seconder.Id || !IsHere(proposer.Id) || !IsHere(seconder.Id)) return Refused(MeetingOutcome.NotEligible);
        var quorum = Quorum();
        if (!quorum.Reached) return Refused(MeetingOutcome.NoQuorum, quorum);
        var motion = new MotionState
        {
            Id = motionId, AgendaItemId = itemId.Value, Text = input.Text.Trim(),
            ProposerId = proposer.Id, ProposerName = proposer.Name, SeconderId = seconder.Id, SeconderName = seconder.Name,
            Kind = input.Kind, TotalsVisible = input.TotalsVisible, Status = MotionStatus.Open, OpenedAt = Now,
            QuorumRequired = quorum.Required, PresentAtOpen = quorum.Counted, Version = Version + 1,
        };
        State.Motions.Add(motion);
        RaiseEvent(new MotionOpened(MotionView(motion)));
        await WriteStateAsync();
        return Ok(MotionView(motion));
    }

    public async Task<MeetingResult> CastBallotAsync(Guid motionId, Guid memberId, string? ballotKey, BallotChoice choice)
    {
        if (Check() is { } refusal) return refusal;
        var motion = State.Motions.FirstOrDefault(m => m.Id == motionId);
        if (motion is null) return Refused(MeetingOutcome.UnknownItem);
        if (motion.Status != MotionStatus.Open) return Refused(MeetingOutcome.WrongStatus);
        if (!Enum.IsDefined(choice)) return Refused(MeetingOutcome.Invalid);
        if (State.Roster.FirstOrDefault(m => m.Id == memberId) is not { } member) return Refused(MeetingOutcome.UnknownMember);
        if (!IsHere(memberId)) return Refused(MeetingOutcome.NotEligible);
        var secret = motion.Kind == MotionKind.Secret;
        if (secret && string.IsNullOrEmpty(ballotKey)) return Refused(MeetingOutcome.Invalid);
        var voted = secret ? motion.SecretVoters.BinarySearch(memberId) >= 0 : motion.Votes.Any(v => v.MemberId == memberId);
        // A first ballot from someone in the room: the hands already counted must leave them out (no hands, nothing to check:
        // the count walks the attendance, which a burst of first ballots must not do once each).
        if (!voted && motion.Hands.Total > 0 && IsInRoom(memberId) && motion.Hands.Total > PresentWithoutBallot(motion) - 1)
            return Refused(MeetingOutcome.CountedByHands);
        if (secret)
        {
            if (!voted) motion.SecretVoters.Insert(~motion.SecretVoters.BinarySearch(memberId), memberId);
            var index = motion.SecretBallots.FindIndex(b => b.Key == ballotKey);
            if (index >= 0) motion.SecretBallots[index].Choice = choice;
            else
            {
                var at = motion.SecretBallots.FindIndex(b => string.CompareOrdinal(b.Key, ballotKey) > 0);
                motion.SecretBallots.Insert(at < 0 ? motion.SecretBallots.Count : at, new SecretBallot { Key = ballotKey!, Choice = choice });
            }
        }
        else
        {
            var vote = new MotionVote(memberId, member.Name, choice);
            var index = motion.Votes.FindIndex(v => v.MemberId == memberId);
            if (index >= 0) motion.Votes[index] = vote; else motion.Votes.Add(vote);
        }
        // Ballots that commit in one write reach the screens as one event, the tally after them: 200 members voting at
        // once send a few small messages to each screen, not 200.
        RaiseOrMerge(new BallotCast(motion.Id, motion.TotalsVisible, Tally(motion)), BallotCast.Merge);
        motion.Version = Version;
        await WriteStateAsync();
        return Ok(choice);
    }

    public async Task<MeetingResult> CountHandsAsync(Guid motionId, HandCount hands)
    {
        if (Check() is { } refusal) return refusal;
        var motion = State.Motions.FirstOrDefault(m => m.Id == motionId);
        if (motion is null) return Refused(MeetingOutcome.UnknownItem);
        if (motion.Status != MotionStatus.Open) return Refused(MeetingOutcome.WrongStatus);
        if (hands.For < 0 || hands.Against < 0 || hands.Abstain < 0) return Refused(MeetingOutcome.Invalid);
        if (hands.Total > PresentWithoutBallot(motion)) return Refused(MeetingOutcome.TooManyHands, PresentWithoutBallot(motion));
        motion.Hands = hands;
        motion.Version = Version + 1;
        RaiseEvent(new HandsCounted(motion.Id, motion.TotalsVisible, Tally(motion)));
        await WriteStateAsync();
        return Ok(MotionView(motion));
    }

    /// <summary>Closes the vote: quorum checked again from the attendance marks; the result becomes a decision on the motion's item.</summary>
    public async Task<MeetingResult> CloseMotionAsync(Guid motionId)
    {
        if (Check() is { } refusal) return refusal;
        var motion = State.Motions.FirstOrDefault(m => m.Id == motionId);
        if (motion is null) return Refused(MeetingOutcome.UnknownItem);
        if (motion.Status != MotionStatus.Open) return Refused(MeetingOutcome.WrongStatus, MotionView(motion));
        var quorum = Quorum();
        var tally = Tally(motion);
        motion.PresentAtClose = quorum.Counted;
        motion.Status = !quorum.Reached ? MotionStatus.NoQuorum : tally.For > tally.Against ? MotionStatus.Adopted : MotionStatus.Rejected;
        motion.ClosedAt = Now;
        motion.Version = Version + 1;
        var view = MotionView(motion);
        var decision = new DecisionView(motion.Id, motion.AgendaItemId, MotionWording.French(view), Now, motion.Version, motion.Id);
        State.Decisions.RemoveAll(d => d.Id == decision.Id);
        State.Decisions.Add(decision);
        OweAdoption(motion);
        OweErratum(motion);
        RaiseEvent(new MotionClosed(view, decision));
        await WriteStateAsync();
        return Ok(view);
    }

    /// <summary>The chair withdraws a motion still open (a mistake, or the proposer withdraws it): no decision.</summary>
    public async Task<MeetingResult> WithdrawMotionAsync(Guid motionId)
    {
        if (Check() is { } refusal) return refusal;
        var motion = State.Motions.FirstOrDefault(m => m.Id == motionId);
        if (motion is null) return Refused(MeetingOutcome.UnknownItem);
        if (motion.Status != MotionStatus.Open) return Refused(MeetingOutcome.WrongStatus);
        motion.Status = MotionStatus.Withdrawn;
        motion.ClosedAt = Now;
        motion.Version = Version + 1;
        RaiseEvent(new MotionWithdrawn(MotionView(motion)));
        await WriteStateAsync();
        return Ok(MotionView(motion));
    }

    /// <summary>A member's own choices, by motion: open votes by their id, secret ones by their ballot keys.</summary>
    public Task<IReadOnlyDictionary<Guid, BallotChoice>> GetOwnBallotsAsync(Guid memberId, IReadOnlyDictionary<Guid, string> secretKeys)
    {
        var mine = new Dictionary<Guid, BallotChoice>();
        foreach (var motion in State.Motions)
        {
            if (motion.Kind == MotionKind.Open && motion.Votes.FirstOrDefault(v => v.MemberId == memberId) is { } vote) mine[motion.Id] = vote.Choice;
            else if (secretKeys.TryGetValue(motion.Id, out var key) && motion.SecretBallots.FirstOrDefault(b => b.Key == key) is { } ballot) mine[motion.Id] = ballot.Choice;
        }
        return Task.FromResult<IReadOnlyDictionary<Guid, BallotChoice>>(mine);
    }

    private bool IsHere(Guid memberId) =>
        State.Attendance.Any(a => a.MemberId == memberId && a.Status is AttendanceStatus.Present or AttendanceStatus.Remote);

    private bool IsInRoom(Guid memberId) => State.Attendance.Any(a => a.MemberId == memberId && a.Status == AttendanceStatus.Present);

    /// <summary>Members in the room who have not voted from a device: the most a show of hands can count.</summary>
    private int PresentWithoutBallot(MotionState motion)
    {
        var voters = motion.Kind == MotionKind.Secret ? null : motion.Votes.Select(v => v.MemberId).ToHashSet();
        return State.Attendance.Count(a => a.Status == AttendanceStatus.Present &&
            (voters is null ? motion.SecretVoters.BinarySearch(a.MemberId) < 0 : !voters.Contains(a.MemberId)));
    }

    private static MotionTally Tally(MotionState motion)
    {
        var choices = motion.Kind == MotionKind.Secret ? motion.SecretBallots.Select(b => b.Choice).ToList() : motion.Votes.Select(v => v.Choice).ToList();
        return new MotionTally(
            choices.Count(c => c == BallotChoice.For) + motion.Hands.For,
            choices.Count(c => c == BallotChoice.Against) + motion.Hands.Against,
            choices.Count(c => c == BallotChoice.Abstain) + motion.Hands.Abstain,
            choices.Count, motion.Hands);
    }

    private static MotionView MotionView(MotionState m) => new(
        m.Id, m.AgendaItemId, m.Text, m.ProposerId, m.ProposerName, m.SeconderId, m.SeconderName, m.Kind, m.TotalsVisible, m.Status,
        m.OpenedAt, m.ClosedAt, m.QuorumRequired, m.PresentAtOpen, m.PresentAtClose, Tally(m),
        m.Kind == MotionKind.Open ? [.. m.Votes] : [], m.Version);
}
