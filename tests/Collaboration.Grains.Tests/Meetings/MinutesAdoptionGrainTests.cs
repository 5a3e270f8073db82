using Collaboration.Grains.Mail;
using Collaboration.Grains.Meetings;
using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Tests.Meetings;

/// <summary>Minutes: draft when the meeting closes → circulated to the members → adopted by a motion at the next meeting, then locked.</summary>
public sealed class MinutesAdoptionGrainTests : IClassFixture<GrainsSilo>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly RosterMember Amina = new(Guid.NewGuid(), "Amina Diallo", "Carrefour", Sector.Communautaire, MemberRole.Member);
    private static readonly RosterMember Bruno = new(Guid.NewGuid(), "Bruno Gagnon", "Ville", Sector.Municipal, MemberRole.Member);
    private readonly GrainsSilo _silo;

    public MinutesAdoptionGrainTests(GrainsSilo silo) => _silo = silo;

    private async Task<IMeetingGrain> MeetingAsync(Guid tableId, string title, MinutesToAdopt? adopt = null)
    {
        var grain = _silo.Grains.GetGrain<IMeetingGrain>(Guid.NewGuid());
        await grain.CreateAsync(new MeetingSetup(tableId, "Table", title, _silo.Clock.GetUtcNow(), "", 2, [Amina, Bruno], [], "org", adopt)).WaitAsync(Timeout);
        return grain;
    }

    private static MailRecipient To(RosterMember m) => new($"{m.Id:N}@exemple.qc.ca", m.Name, m.Id.ToString(), "fr");

    [Fact]
    public async Task Minutes_AreCirculated_ThenAdoptedByAMotionAtTheNextMeeting_AndLocked()
    {
        var tableId = Guid.NewGuid();
        var october = await MeetingAsync(tableId, "Rencontre d'octobre");
        await october.StartAsync().WaitAsync(Timeout);
        var early = await october.CirculateMinutesAsync([To(Amina)]).WaitAsync(Timeout);
        await october.CloseAsync().WaitAsync(Timeout);
        var draft = (await october.GetAsync())!.Minutes!.Status;
        var circulated = await october.CirculateMinutesAsync([To(Amina), To(Bruno)]).WaitAsync(Timeout);
        var octoberId = (await october.GetAsync())!.Id;

        var november = await MeetingAsync(tableId, "Rencontre de novembre", new MinutesToAdopt(octoberId, "Adoption du procès-verbal de la rencontre d'octobre"));
        var item = Assert.Single((await november.GetAsync())!.Agenda);
        await november.StartAsync().WaitAsync(Timeout);
        await november.SetAttendanceAsync(Amina.Id, AttendanceStatus.Present, "chair", null).WaitAsync(Timeout);
        await november.SetAttendanceAsync(Bruno.Id, AttendanceStatus.Present, "chair", null).WaitAsync(Timeout);
        var motion = Guid.NewGuid();
        await november.OpenMotionAsync(motion, new MotionInput("le procès-verbal soit adopté tel que rédigé", Amina.Id, Bruno.Id, MotionKind.Open, true)).WaitAsync(Timeout);
        await november.CastBallotAsync(motion, Amina.Id, null, BallotChoice.For).WaitAsync(Timeout);
        await november.CastBallotAsync(motion, Bruno.Id, null, BallotChoice.For).WaitAsync(Timeout);
        await november.CloseMotionAsync(motion).WaitAsync(Timeout);
        await _silo.DeliveredAsync();
        var afterAdoption = await october.CirculateMinutesAsync([To(Amina)]).WaitAsync(Timeout);

        Assert.Equal(MeetingOutcome.WrongStatus, early.Outcome);
        Assert.Equal(MinutesStatus.Draft, draft);
        Assert.Equal(MeetingOutcome.Applied, circulated.Outcome);
        Assert.Equal(2, (await october.GetMailAsync()).Count(m => m.Kind == MailKind.MeetingMinutes));
        Assert.Equal(octoberId, item.AdoptsMinutesOf);
        Assert.Equal(item.Id, Assert.Single((await november.GetAsync())!.Decisions).AgendaItemId);
        var minutes = (await october.GetAsync())!.Minutes!;
        Assert.Equal((MinutesStatus.Adopted, motion, "Rencontre de novembre"), (minutes.Status, minutes.AdoptedByMotionId, minutes.AdoptedInMeetingTitle));
        Assert.Equal(_silo.Clock.GetUtcNow(), minutes.AdoptedAt);
        Assert.Equal(MeetingOutcome.MinutesAdopted, afterAdoption.Outcome);
    }

    [Fact]
    public async Task ARejectedAdoptionMotion_LeavesTheMinutesOpen()
    {
        var tableId = Guid.NewGuid();
        var october = await MeetingAsync(tableId, "Octobre");
        await october.StartAsync().WaitAsync(Timeout);
        await october.CloseAsync().WaitAsync(Timeout);
        var november = await MeetingAsync(tableId, "Novembre", new MinutesToAdopt((await october.GetAsync())!.Id, "Adoption du procès-verbal"));
        await november.StartAsync().WaitAsync(Timeout);
        await november.SetAttendanceAsync(Amina.Id, AttendanceStatus.Present, "chair", null).WaitAsync(Timeout);
        await november.SetAttendanceAsync(Bruno.Id, AttendanceStatus.Remote, "chair", null).WaitAsync(Timeout);
        var motion = Guid.NewGuid();
        await november.OpenMotionAsync(motion, new MotionInput("le procès-verbal soit adopté", Amina.Id, Bruno.Id, MotionKind.Open, true)).WaitAsync(Timeout);
        await november.CastBallotAsync(motion, Amina.Id, null, BallotChoice.Against).WaitAsync(Timeout);

        await november.CloseMotionAsync(motion).WaitAsync(Timeout);
        await _silo.DeliveredAsync();

        Assert.Equal(MinutesStatus.Draft, (await october.GetAsync())!.Minutes!.Status);
    }
}
