using Collaboration.Grains.Mail;
using Collaboration.Grains.Meetings;
using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Tests.Meetings;

/// <summary>Comments and corrections on circulated minutes: the chair accepts or declines each, every change keeps its history, adoption locks.</summary>
public sealed class MinutesCommentsGrainTests : IClassFixture<GrainsSilo>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly RosterMember Amina = new(Guid.NewGuid(), "Amina Diallo", "Carrefour", Sector.Communautaire, MemberRole.Member);
    private static readonly RosterMember Bruno = new(Guid.NewGuid(), "Bruno Gagnon", "Ville", Sector.Municipal, MemberRole.Member);
    private readonly GrainsSilo _silo;

    public MinutesCommentsGrainTests(GrainsSilo silo) => _silo = silo;

    private sealed record Closed(IMeetingGrain Meeting, Guid ItemId, Guid DecisionId);

    /// <summary>A closed meeting with one item ("Bilan", notes "Bilan présenté.") and its decision; circulated unless said otherwise.</summary>
    private async Task<Closed> ClosedMeetingAsync(bool circulate = true)
    {
        var meeting = _silo.Grains.GetGrain<IMeetingGrain>(Guid.NewGuid());
        await meeting.CreateAsync(new MeetingSetup(Guid.NewGuid(), "Table", "Octobre", _silo.Clock.GetUtcNow(), "", 1, [Amina, Bruno], [], "org")).WaitAsync(Timeout);
        var itemId = Guid.NewGuid();
        await meeting.AddAgendaItemAsync(itemId, new AgendaItemInput("Bilan", "", 10, "Bilan présenté.")).WaitAsync(Timeout);
        await meeting.StartAsync().WaitAsync(Timeout);
        var decisionId = Guid.NewGuid();
        await meeting.RecordDecisionAsync(decisionId, itemId, "Le bilan est reçu.").WaitAsync(Timeout);
        await meeting.CloseAsync().WaitAsync(Timeout);
        if (circulate) await meeting.CirculateMinutesAsync([new MailRecipient("amina@exemple.qc.ca", Amina.Name, Amina.Id.ToString("N"), "fr")]).WaitAsync(Timeout);
        return new Closed(meeting, itemId, decisionId);
    }

    [Fact]
    public async Task AcceptedCorrections_ReplaceTheText_AndKeepWhoWhenAndThePreviousText_DeclinedOnesChangeNothing()
    {
        var m = await ClosedMeetingAsync();
        var (fix, note, comment) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var proposedFix = await m.Meeting.CommentMinutesAsync(fix, new(Amina.Id, m.ItemId, m.DecisionId, MinutesCommentKind.Correction, "Le bilan est reçu et adopté.")).WaitAsync(Timeout);
        var proposedNote = await m.Meeting.CommentMinutesAsync(note, new(Bruno.Id, m.ItemId, null, MinutesCommentKind.Correction, "Bilan présenté par Bruno.")).WaitAsync(Timeout);
        await m.Meeting.CommentMinutesAsync(comment, new(Bruno.Id, m.ItemId, null, MinutesCommentKind.Comment, "Merci pour ce bilan.")).WaitAsync(Timeout);
        _silo.Clock.Advance(TimeSpan.FromHours(2));

        var accepted = await m.Meeting.DecideMinutesCommentAsync(fix, true, "Présidence", ((MinutesCommentView)proposedFix.Current!).Version).WaitAsync(Timeout);
        var declined = await m.Meeting.DecideMinutesCommentAsync(note, false, "Présidence", ((MinutesCommentView)proposedNote.Current!).Version).WaitAsync(Timeout);
        var twice = await m.Meeting.DecideMinutesCommentAsync(fix, false, "Présidence", ((MinutesCommentView)accepted.Current!).Version).WaitAsync(Timeout);

        var view = (await m.Meeting.GetAsync())!;
        Assert.Equal("Le bilan est reçu et adopté.", Assert.Single(view.Decisions).Text);
        Assert.Equal("Bilan présenté.", Assert.Single(view.Agenda).Notes);
        var history = view.Minutes!.Comments!.Single(c => c.Id == fix);
        Assert.Equal((MinutesCommentStatus.Accepted, "Le bilan est reçu.", "Amina Diallo", "Présidence", _silo.Clock.GetUtcNow()),
            (history.Status, history.PreviousText, history.AuthorName, history.DecidedBy, history.DecidedAt));
        Assert.Equal((MinutesCommentStatus.Declined, null), (view.Minutes.Comments!.Single(c => c.Id == note).Status, view.Minutes.Comments!.Single(c => c.Id == note).PreviousText));
        Assert.Equal(MinutesCommentStatus.Open, view.Minutes.Comments!.Single(c => c.Id == comment).Status);
        Assert.Equal(MeetingOutcome.Stale, twice.Outcome); // decided once, by whoever was first
        Assert.Equal(MeetingOutcome.Applied, declined.Outcome);
    }

    [Fact]
    public async Task Comments_AreRefused_BeforeCirculation_FromStrangers_OnUnknownItems_OnAVotesResolution_AndWhenEmpty()
    {
        var draft = await ClosedMeetingAsync(circulate: false);
        var m = await ClosedMeetingAsync();
        var motionDecision = Guid.NewGuid();

        var early = await draft.Meeting.CommentMinutesAsync(Guid.NewGuid(), new(Amina.Id, draft.ItemId, null, MinutesCommentKind.Comment, "Tôt")).WaitAsync(Timeout);
        var stranger = await m.Meeting.CommentMinutesAsync(Guid.NewGuid(), new(Guid.NewGuid(), m.ItemId, null, MinutesCommentKind.Comment, "Qui suis-je ?")).WaitAsync(Timeout);
        var unknownItem = await m.Meeting.CommentMinutesAsync(Guid.NewGuid(), new(Amina.Id, Guid.NewGuid(), null, MinutesCommentKind.Comment, "Où ?")).WaitAsync(Timeout);
        var unknownDecision = await m.Meeting.CommentMinutesAsync(Guid.NewGuid(), new(Amina.Id, m.ItemId, motionDecision, MinutesCommentKind.Correction, "Quoi ?")).WaitAsync(Timeout);
        var empty = await m.Meeting.CommentMinutesAsync(Guid.NewGuid(), new(Amina.Id, m.ItemId, null, MinutesCommentKind.Comment, "  ")).WaitAsync(Timeout);
        var tooLong = await m.Meeting.CommentMinutesAsync(Guid.NewGuid(), new(Amina.Id, m.ItemId, null, MinutesCommentKind.Comment, new string('x', MeetingGrain.MaxTextLength + 1))).WaitAsync(Timeout);

        Assert.Equal(MeetingOutcome.MinutesNotCirculated, early.Outcome);
        Assert.Equal(MeetingOutcome.UnknownMember, stranger.Outcome);
        Assert.Equal(MeetingOutcome.UnknownItem, unknownItem.Outcome);
        Assert.Equal(MeetingOutcome.UnknownItem, unknownDecision.Outcome);
        Assert.Equal(MeetingOutcome.Invalid, empty.Outcome);
        Assert.Equal(MeetingOutcome.Invalid, tooLong.Outcome);
        Assert.Empty((await m.Meeting.GetAsync())!.Minutes!.Comments!);
    }

    [Fact]
    public async Task OnceAdopted_TheMinutesTakeNoCommentAndNoDecision()
    {
        var m = await ClosedMeetingAsync();
        var open = Guid.NewGuid();
        var proposed = await m.Meeting.CommentMinutesAsync(open, new(Amina.Id, m.ItemId, null, MinutesCommentKind.Correction, "Autre texte")).WaitAsync(Timeout);
        await m.Meeting.AdoptMinutesAsync(new AdoptMinutes((await m.Meeting.GetAsync())!.Id, Guid.NewGuid(), "Novembre", Guid.NewGuid(), _silo.Clock.GetUtcNow())).WaitAsync(Timeout);

        var comment = await m.Meeting.CommentMinutesAsync(Guid.NewGuid(), new(Amina.Id, m.ItemId, null, MinutesCommentKind.Comment, "Trop tard")).WaitAsync(Timeout);
        var decide = await m.Meeting.DecideMinutesCommentAsync(open, true, "Présidence", ((MinutesCommentView)proposed.Current!).Version).WaitAsync(Timeout);

        Assert.Equal(MeetingOutcome.MinutesAdopted, comment.Outcome);
        Assert.Equal(MeetingOutcome.MinutesAdopted, decide.Outcome);
        Assert.Equal("Bilan présenté.", Assert.Single((await m.Meeting.GetAsync())!.Agenda).Notes);
    }

    [Fact]
    public async Task AfterAdoption_ACorrectionIsAnErratumMotion_RecordedOnTheEarlierMinutesOnlyWhenCarried()
    {
        var october = await ClosedMeetingAsync();
        var octoberId = (await october.Meeting.GetAsync())!.Id;
        await october.Meeting.AdoptMinutesAsync(new AdoptMinutes(octoberId, Guid.NewGuid(), "Novembre", Guid.NewGuid(), _silo.Clock.GetUtcNow())).WaitAsync(Timeout);
        var december = _silo.Grains.GetGrain<IMeetingGrain>(Guid.NewGuid());
        await december.CreateAsync(new MeetingSetup(Guid.NewGuid(), "Table", "Décembre", _silo.Clock.GetUtcNow(), "", 2, [Amina, Bruno], [], "org")).WaitAsync(Timeout);
        var itemId = Guid.NewGuid();
        await december.AddAgendaItemAsync(itemId, new AgendaItemInput("Erratum au procès-verbal d'octobre", "", 5, "")).WaitAsync(Timeout);
        await december.StartAsync().WaitAsync(Timeout);
        await december.SetAttendanceAsync(Amina.Id, AttendanceStatus.Present, "chair", null).WaitAsync(Timeout);
        await december.SetAttendanceAsync(Bruno.Id, AttendanceStatus.Present, "chair", null).WaitAsync(Timeout);
        var (rejected, carried) = (Guid.NewGuid(), Guid.NewGuid());

        await december.OpenErratumMotionAsync(rejected, new MotionInput("le bilan soit dit « reçu »", Amina.Id, Bruno.Id, MotionKind.Open, true), octoberId).WaitAsync(Timeout);
        await december.CastBallotAsync(rejected, Amina.Id, null, BallotChoice.Against).WaitAsync(Timeout);
        await december.CloseMotionAsync(rejected).WaitAsync(Timeout);
        await december.OpenErratumMotionAsync(carried, new MotionInput("la décision se lise « Le bilan est reçu et adopté. »", Amina.Id, Bruno.Id, MotionKind.Open, true), octoberId).WaitAsync(Timeout);
        await december.CastBallotAsync(carried, Amina.Id, null, BallotChoice.For).WaitAsync(Timeout);
        await december.CastBallotAsync(carried, Bruno.Id, null, BallotChoice.For).WaitAsync(Timeout);
        await december.CloseMotionAsync(carried).WaitAsync(Timeout);
        await _silo.DeliveredAsync();

        var minutes = (await october.Meeting.GetAsync())!;
        var erratum = Assert.Single(minutes.Minutes!.Errata!);
        Assert.Equal((carried, "Décembre", "la décision se lise « Le bilan est reçu et adopté. »"), (erratum.MotionId, erratum.AdoptedInMeetingTitle, erratum.Text));
        Assert.Equal("Le bilan est reçu.", Assert.Single(minutes.Decisions).Text); // the adopted text stays as adopted
        Assert.Equal(MinutesStatus.Adopted, minutes.Minutes.Status);
    }
}
