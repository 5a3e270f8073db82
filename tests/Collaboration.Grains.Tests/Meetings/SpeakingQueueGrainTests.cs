using Collaboration.Grains.Meetings;
using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Tests.Meetings;

/// <summary>The speaking queue in the meeting grain: order of request, lowering a hand, the floor and its timer, a new agenda item.</summary>
public sealed class SpeakingQueueGrainTests : IClassFixture<GrainsSilo>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly GrainsSilo _silo;

    public SpeakingQueueGrainTests(GrainsSilo silo) => _silo = silo;

    private async Task<(IMeetingGrain Grain, RosterMember[] Members, Guid[] Items)> RoomAsync()
    {
        var members = Enumerable.Range(1, 4)
            .Select(i => new RosterMember(Guid.NewGuid(), $"Membre {i}", "Organisme", Sector.Economique, MemberRole.Member)).ToArray();
        var grain = _silo.Grains.GetGrain<IMeetingGrain>(Guid.NewGuid());
        await grain.CreateAsync(new MeetingSetup(Guid.NewGuid(), "Table", "Rencontre", _silo.Clock.GetUtcNow(), "", 1, members, [], "org")).WaitAsync(Timeout);
        var items = new[] { Guid.NewGuid(), Guid.NewGuid() };
        foreach (var item in items) await grain.AddAgendaItemAsync(item, new AgendaItemInput($"Point {item}", "", 10, "")).WaitAsync(Timeout);
        await grain.StartAsync().WaitAsync(Timeout);
        return (grain, members, items);
    }

    private static async Task<FloorView> FloorAsync(IMeetingGrain grain) => (await grain.GetAsync())!.Floor!;

    [Fact]
    public async Task Queue_IsInOrderOfRequest_AndTheFloorGoesToTheFirst()
    {
        var (grain, m, _) = await RoomAsync();

        await grain.RaiseHandAsync(m[2].Id, byChair: false).WaitAsync(Timeout);
        _silo.Clock.Advance(TimeSpan.FromSeconds(1));
        await grain.RaiseHandAsync(m[0].Id, byChair: true).WaitAsync(Timeout);
        _silo.Clock.Advance(TimeSpan.FromSeconds(1));
        await grain.RaiseHandAsync(m[1].Id, byChair: false).WaitAsync(Timeout);
        await grain.RaiseHandAsync(m[2].Id, byChair: false).WaitAsync(Timeout); // again: keeps its place
        await grain.LowerHandAsync(m[0].Id).WaitAsync(Timeout);
        var queued = await FloorAsync(grain);
        await grain.GiveFloorAsync(null).WaitAsync(Timeout);
        var speaking = await FloorAsync(grain);

        Assert.Equal([m[2].Id, m[1].Id], queued.Queue.Select(h => h.MemberId));
        Assert.Equal(m[2].Id, speaking.Speaker!.MemberId);
        Assert.Equal(_silo.Clock.GetUtcNow(), speaking.Speaker.Since);
        Assert.Equal([m[1].Id], speaking.Queue.Select(h => h.MemberId));
    }

    [Fact]
    public async Task Queue_EmptiesWhenTheItemChanges_UnlessTheChairKeepsIt()
    {
        var (grain, m, items) = await RoomAsync();
        await grain.RaiseHandAsync(m[0].Id, false).WaitAsync(Timeout);
        await grain.RaiseHandAsync(m[1].Id, false).WaitAsync(Timeout);
        await grain.GiveFloorAsync(m[1].Id).WaitAsync(Timeout);

        await grain.SetCurrentItemAsync(items[1], keepQueue: true).WaitAsync(Timeout);
        var kept = await FloorAsync(grain);
        await grain.SetCurrentItemAsync(items[0]).WaitAsync(Timeout);
        var cleared = await FloorAsync(grain);
        var empty = await grain.GiveFloorAsync(null).WaitAsync(Timeout);

        Assert.Equal([m[0].Id], kept.Queue.Select(h => h.MemberId));
        Assert.Equal(m[1].Id, kept.Speaker!.MemberId);
        Assert.Empty(cleared.Queue);
        Assert.Null(cleared.Speaker);
        Assert.Equal(MeetingOutcome.QueueEmpty, empty.Outcome);
    }

    [Fact]
    public async Task SpeakingLimit_IsKept_AndAbsurdLimitsAreRefused()
    {
        var (grain, _, _) = await RoomAsync();

        var set = await grain.SetSpeakingLimitAsync(120).WaitAsync(Timeout);
        var tooShort = await grain.SetSpeakingLimitAsync(3).WaitAsync(Timeout);
        var limit = (await FloorAsync(grain)).LimitSeconds;
        await grain.SetSpeakingLimitAsync(null).WaitAsync(Timeout);

        Assert.Equal(MeetingOutcome.Applied, set.Outcome);
        Assert.Equal(MeetingOutcome.Invalid, tooShort.Outcome);
        Assert.Equal(120, limit);
        Assert.Null((await FloorAsync(grain)).LimitSeconds);
    }
}
