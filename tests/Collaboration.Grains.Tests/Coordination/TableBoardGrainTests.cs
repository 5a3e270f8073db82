using Collaboration.Grains.Coordination;
using Collaboration.Grains.Meetings;
using Collaboration.Grains.Tables;
using Collaboration.Testing;

namespace Collaboration.Grains.Tests.Coordination;

public sealed class TableBoardGrainTests(GrainsSilo silo) : IClassFixture<GrainsSilo>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly RosterMember Owner = new(Guid.NewGuid(), "Amina Diallo", "Carrefour", Sector.Communautaire, MemberRole.Member);

    private static MeetingActionItems Snapshot(Guid tableId, Guid meetingId, long version, DateTimeOffset startsAt, params (Guid Id, ActionItemStatus Status)[] items) =>
        new(meetingId, tableId, "Rencontre", startsAt, MeetingStatus.InProgress, version,
            [.. items.Select(i => new ActionItemView(i.Id, "Tâche", Owner.Id, Owner.Name, null, i.Status, null, null, null, version))]);

    [Fact]
    public async Task ALateOrRepeatedSnapshot_ChangesNothing()
    {
        var tableId = Guid.NewGuid();
        var board = silo.Grains.GetGrain<ITableBoardGrain>(tableId);
        var meetingId = Guid.NewGuid();
        var item = Guid.NewGuid();
        var now = silo.Clock.GetUtcNow();

        await board.ApplyAsync(Snapshot(tableId, meetingId, 5, now, (item, ActionItemStatus.Done)));
        await board.ApplyAsync(Snapshot(tableId, meetingId, 3, now, (item, ActionItemStatus.Open))); // older, arrived late
        await board.ApplyAsync(Snapshot(tableId, meetingId, 5, now, (item, ActionItemStatus.Done))); // the same again
        var view = await Poll.UntilAsync(() => board.GetAsync(), v => v.Items.Count == 1, Timeout, "the item on the board");

        Assert.Equal(ActionItemStatus.Done, Assert.Single(view.Items).Status);
        Assert.Equal(1, view.Version); // one change raised, not three
    }

    [Fact]
    public async Task AnItemFollowedUpInALaterMeeting_IsTakenFromThatMeeting()
    {
        var tableId = Guid.NewGuid();
        var board = silo.Grains.GetGrain<ITableBoardGrain>(tableId);
        var (earlier, later) = (Guid.NewGuid(), Guid.NewGuid());
        var item = Guid.NewGuid();
        var now = silo.Clock.GetUtcNow();

        await board.ApplyAsync(Snapshot(tableId, earlier, 9, now.AddDays(-30), (item, ActionItemStatus.Open)));
        await board.ApplyAsync(Snapshot(tableId, later, 2, now, (item, ActionItemStatus.Done)));
        await Poll.UntilAsync(() => board.GetAsync(), v => v.Version == 2, Timeout, "both snapshots applied");
        // The earlier (closed) meeting still says open: it does not take the item back.
        await board.ApplyAsync(Snapshot(tableId, earlier, 10, now.AddDays(-30), (item, ActionItemStatus.Open)));
        var view = await board.GetAsync();

        var shown = Assert.Single(view.Items);
        Assert.Equal(later, shown.MeetingId);
        Assert.Equal(ActionItemStatus.Done, shown.Status);
    }

    [Fact]
    public async Task TheMeetingGrain_FeedsTheBoard_AfterEachChangeToItsItems()
    {
        var tableId = Guid.NewGuid();
        var meeting = silo.Grains.GetGrain<IMeetingGrain>(Guid.NewGuid());
        await meeting.CreateAsync(new MeetingSetup(tableId, "Table", "Rencontre", silo.Clock.GetUtcNow(), "Joliette", 1, [Owner], [], "organisateur"));
        var itemId = Guid.NewGuid();
        var added = await meeting.AddActionItemAsync(itemId, new ActionItemInput("Relancer", Owner.Id, null, null));
        var board = silo.Grains.GetGrain<ITableBoardGrain>(tableId);
        await Poll.UntilAsync(() => board.GetAsync(), v => v.Items.Any(i => i.ItemId == itemId), Timeout, "the new item on the board");

        await meeting.SetActionItemStatusAsync(itemId, ActionItemStatus.Done, ((ActionItemView)added.Current!).Version);

        var view = await Poll.UntilAsync(() => board.GetAsync(), v => v.Items.Single().Status == ActionItemStatus.Done, Timeout, "the item done on the board");
        Assert.NotNull(view.Items.Single().ClosedAt);
    }
}
