using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;
using Collaboration.Web.Tests.Live;
using Microsoft.Extensions.DependencyInjection;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Coordination;

/// <summary>The board is the meeting's action items, live, whichever of two nodes on PostgreSQL the change and the screen are on.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BoardPostgresTwoNodesTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ItemClosedInTheMeetingThroughA_LeavesTheOpenListOfABoardOnB_AndTheBoardsChangeThroughB_ReachesTheMeetingOnA()
    {
        // Arrange: one table, its meeting in progress with an open item; a board on node B, the meeting room and a board on node A.
        var database = await postgres.Cluster.CreateDatabaseAsync("board");
        await using var nodeA = new ConcertationFactory(database, kestrel: true);
        await using var nodeB = new ConcertationFactory(database, kestrel: true);
        var organiserA = await nodeA.CreateOrganiserClientAsync();
        var organiserB = await nodeB.CreateOrganiserClientAsync();
        await ClusterWait.UntilHubsRegisteredAsync(nodeA.Services.GetRequiredService<IGrainFactory>(), 2).WaitAsync(CallTimeout);
        var tableId = await CreateTableAsync(organiserA);
        var (owner, _) = await AddMemberAsync(organiserA, tableId, "Responsable");
        var otherTable = await CreateTableAsync(organiserA, "Autre table");
        var (_, outsiderToken) = await AddMemberAsync(organiserA, otherTable, "Membre d'une autre table");
        var meetingId = await CreateMeetingAsync(organiserA, tableId);
        (await organiserA.PostAsync($"/api/meetings/{meetingId}/start", null)).EnsureSuccessStatusCode();
        var itemId = await BoardScenario.AddItemAsync(organiserA, meetingId, "Relancer les employeurs", owner, null);
        await Poll.UntilAsync(async () => (await BoardScenario.ItemIdsAsync(organiserB)).Contains(itemId), CallTimeout, "the item on the board");

        await using var boardB = await NodeHubClient.ConnectAsync(Hub(nodeB), await nodeB.SignInCookieAsync());
        await using var boardA = await NodeHubClient.ConnectAsync(Hub(nodeA), await nodeA.SignInCookieAsync());
        await using var roomA = await NodeHubClient.ConnectAsync(Hub(nodeA), await nodeA.SignInCookieAsync());
        await using var outsider = await NodeHubClient.ConnectAsync(Hub(nodeB), await MemberCookieAsync(nodeB.ServerAddress, outsiderToken));
        var snapshot = await boardB.InvokeAsync("Subscribe", $"board:{tableId}", 0).WaitAsync(CallTimeout);
        await boardA.InvokeAsync("Subscribe", $"board:{tableId}", 0).WaitAsync(CallTimeout);
        await roomA.InvokeAsync("Subscribe", $"meeting:{meetingId}", 0).WaitAsync(CallTimeout);
        Assert.Equal("open", StatusIn(snapshot.GetProperty("snapshot").GetProperty("items"), itemId));
        await Assert.ThrowsAsync<HubInvocationException>(() => outsider.InvokeAsync("Subscribe", $"board:{tableId}", 0).WaitAsync(CallTimeout));

        // Act 1: closed in the meeting, through node A.
        var version = Item(await GetMeetingAsync(organiserA, meetingId), itemId).GetProperty("version").GetInt64();
        (await organiserA.PatchAsJsonAsync($"/api/meetings/{meetingId}/action-items/{itemId}", new { status = "done", expectedVersion = version }))
            .EnsureSuccessStatusCode();

        // Assert 1: the board on node B hears it (no reload): the item is done, out of the open list.
        await boardB.WaitForEventAsync(e => ChangedStatus(e, itemId) == "done", CallTimeout);

        // Act 2: reopened from the board, through node B.
        var onBoard = (await BoardScenario.ItemsAsync(organiserB, "status=all")).Single(i => i.GetProperty("itemId").GetGuid() == itemId);
        Assert.Equal("done", onBoard.GetProperty("status").GetString());
        (await organiserB.PatchAsJsonAsync($"/api/board/{tableId}/items/{itemId}", new { status = "open", expectedVersion = onBoard.GetProperty("version").GetInt64() }))
            .EnsureSuccessStatusCode();

        // Assert 2: the meeting room on node A gets the change from the meeting grain, and the board on A too.
        await roomA.WaitForEventAsync(e => e.GetProperty("type").GetString() == "ActionItemUpdated" &&
            e.GetProperty("data").GetProperty("item").GetProperty("status").GetString() == "open", CallTimeout);
        await boardA.WaitForEventAsync(e => ChangedStatus(e, itemId) == "open", CallTimeout);
        Assert.Equal("open", Item(await GetMeetingAsync(organiserA, meetingId), itemId).GetProperty("status").GetString());
        Assert.DoesNotContain(outsider.Events, e => e.GetProperty("topic").GetString() == $"board:{tableId}");
    }

    private static string Hub(ConcertationFactory node) => new Uri(node.ServerAddress, "/hubs/live").ToString();

    private static JsonElement Item(JsonElement meeting, Guid itemId) =>
        meeting.GetProperty("actionItems").EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == itemId);

    private static string? StatusIn(JsonElement items, Guid itemId) =>
        items.EnumerateArray().FirstOrDefault(i => i.GetProperty("itemId").GetGuid() == itemId) is { ValueKind: JsonValueKind.Object } item
            ? item.GetProperty("status").GetString()
            : null;

    private static string? ChangedStatus(JsonElement envelope, Guid itemId) =>
        envelope.GetProperty("type").GetString() == "BoardItemsChanged" ? StatusIn(envelope.GetProperty("data").GetProperty("changed"), itemId) : null;
}
