using Collaboration.Grains.Colloque;
using Collaboration.Grains.Platform;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using static Collaboration.Grains.Tests.Colloque.ColloqueGrainKit;

namespace Collaboration.Grains.Tests.Colloque;

/// <summary>
/// The room screens' own grain: a room's "now", "next" after a break and the announcement never write the
/// signups grain (the list of places), and the screens follow the programme the signups grain shows them.
/// </summary>
public sealed class ScreensGrainTests(GrainsSilo silo) : IClassFixture<GrainsSilo>
{
    [Fact]
    public async Task AdvancingARoomAndAnnouncing_LeaveTheSignupsGrainUnwritten()
    {
        // Arrange: two sessions in the big room, shown to the screens.
        var colloque = await OpenColloqueAsync(silo, total: null);
        var signups = silo.Grains.GetGrain<IColloqueSignupsGrain>(colloque);
        var opening = await SaveSessionAsync(signups, "Grande salle", hour: 9);
        var panel = await SaveSessionAsync(signups, "Grande salle", hour: 10);
        await silo.DeliveredAsync().WaitAsync(Within);
        var screens = silo.Grains.GetGrain<IColloqueScreensGrain>(colloque);
        var versionBefore = (await signups.GetProgrammeAsync()).Version;
        // Once its notices are all out the signups grain writes once to forget them: wait until its row is still.
        var storedBefore = await StoredETagAsync(signups);
        for (var settled = false; !settled;)
        {
            await Task.Delay(300);
            var again = await StoredETagAsync(signups);
            settled = again == storedBefore;
            storedBefore = again;
        }

        // Act
        var set = await screens.SetRoomNowAsync("Grande salle", opening).WaitAsync(Within);
        var advanced = await screens.AdvanceRoomAsync("Grande salle").WaitAsync(Within);
        await screens.SetAnnouncementAsync("La plénière reprend dans 5 minutes").WaitAsync(Within);

        // Assert: the screens changed; the signups grain neither raised an event nor wrote.
        Assert.Equal((ProgrammeResult.Ok, ProgrammeResult.Ok, (Guid?)panel), (set, advanced.Result, advanced.NextSessionId));
        var view = await screens.GetAsync();
        Assert.Equal(panel, Assert.Single(view.RoomNow).SessionId);
        Assert.Equal("La plénière reprend dans 5 minutes", view.Announcement?.Text);
        Assert.Equal(versionBefore, (await signups.GetProgrammeAsync()).Version);
        Assert.Equal(storedBefore, await StoredETagAsync(signups));
    }

    [Fact]
    public async Task Screens_FollowTheProgramme_AndARepeatedOrLateShowChangesNothing()
    {
        // Arrange: the screen shows the panel.
        var colloque = await OpenColloqueAsync(silo, total: null);
        var signups = silo.Grains.GetGrain<IColloqueSignupsGrain>(colloque);
        var screens = silo.Grains.GetGrain<IColloqueScreensGrain>(colloque);
        var opening = await SaveSessionAsync(signups, "Grande salle", hour: 9);
        var panel = await SaveSessionAsync(signups, "Grande salle", hour: 10);
        await silo.DeliveredAsync().WaitAsync(Within);
        Assert.Equal(ProgrammeResult.Ok, await screens.SetRoomNowAsync("Grande salle", panel).WaitAsync(Within));
        var shown = (await signups.GetProgrammeAsync()).Version;
        var programme = (await signups.GetProgrammeAsync()).Sessions.Select(ScreenSession.Of).ToList();

        // Act 1: the panel is removed from the programme.
        Assert.Equal(ProgrammeResult.Ok, await signups.RemoveSessionAsync(panel).WaitAsync(Within));
        await silo.DeliveredAsync().WaitAsync(Within);
        var afterRemoval = await screens.GetAsync();

        // Act 2: the older programme (with the panel) comes again, late, and the current one is repeated.
        await screens.ShowProgrammeAsync(shown, programme).WaitAsync(Within);
        await screens.ShowProgrammeAsync(shown - 1, programme).WaitAsync(Within);
        await screens.ShowProgrammeAsync((await signups.GetProgrammeAsync()).Version, [ScreenSession.Of((await signups.GetProgrammeAsync()).Sessions[0])])
            .WaitAsync(Within);
        var afterRepeats = await screens.GetAsync();

        // Assert: the room that showed the panel follows the timetable again, and neither repeat brought the panel back.
        Assert.Empty(afterRemoval.RoomNow);
        Assert.Equal(afterRemoval.Version, afterRepeats.Version);
        Assert.Equal(ProgrammeResult.UnknownSession, await screens.SetRoomNowAsync("Grande salle", panel).WaitAsync(Within));
        Assert.Equal(ProgrammeResult.Ok, await screens.SetRoomNowAsync("Grande salle", opening).WaitAsync(Within));
        Assert.Equal(ProgrammeResult.UnknownRoom, await screens.SetRoomNowAsync("Salle Z", null).WaitAsync(Within));
    }

    [Fact]
    public async Task AdvanceAfterABreak_GoesOnFromTheSessionShownBeforeIt()
    {
        // Arrange: three sessions; the second shown, then a break.
        var colloque = await OpenColloqueAsync(silo, total: null);
        var signups = silo.Grains.GetGrain<IColloqueSignupsGrain>(colloque);
        await SaveSessionAsync(signups, "Grande salle", hour: 9);
        var panel = await SaveSessionAsync(signups, "Grande salle", hour: 10);
        var closing = await SaveSessionAsync(signups, "Grande salle", hour: 11);
        await silo.DeliveredAsync().WaitAsync(Within);
        var screens = silo.Grains.GetGrain<IColloqueScreensGrain>(colloque);
        await screens.SetRoomNowAsync("Grande salle", panel).WaitAsync(Within);
        await screens.SetRoomNowAsync("Grande salle", Guid.Empty).WaitAsync(Within);

        // Act
        var advanced = await screens.AdvanceRoomAsync("Grande salle").WaitAsync(Within);
        var last = await screens.AdvanceRoomAsync("Grande salle").WaitAsync(Within);
        var none = await screens.AdvanceRoomAsync("Salle Z").WaitAsync(Within);

        // Assert: the closing (after the panel), then nothing left; an unknown room is said so.
        Assert.Equal(closing, advanced.NextSessionId);
        Assert.Equal((ProgrammeResult.Ok, (Guid?)null), (last.Result, last.NextSessionId));
        Assert.Equal(ProgrammeResult.UnknownRoom, none.Result);
    }

    private async Task<Guid> SaveSessionAsync(IColloqueSignupsGrain signups, string room, int hour)
    {
        var starts = silo.Clock.GetUtcNow().Date.AddDays(20).AddHours(hour);
        var session = new ProgrammeSession(Guid.NewGuid(), $"Session de {hour} h", $"{hour} o'clock session", "", "", SessionKind.Plenary, room,
            starts, starts.AddHours(1), null, []);
        Assert.Equal(ProgrammeResult.Ok, await signups.SaveSessionAsync(session).WaitAsync(Within));
        return session.Id;
    }

    /// <summary>The signups grain's row as stored: a write, even one without an event, changes its ETag.</summary>
    private async Task<string?> StoredETagAsync(IColloqueSignupsGrain signups)
    {
        var storage = silo.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains);
        var stored = new GrainState<ColloqueSignupsState>();
        await storage.ReadStateAsync("colloque-signups", signups.GetGrainId(), stored).WaitAsync(Within);
        return stored.ETag;
    }
}
