using System.Net.Http.Json;
using Collaboration.Testing;
using static Collaboration.Web.Tests.Colloque.ColloqueKit;

namespace Collaboration.Web.Tests.Colloque;

/// <summary>
/// The live topic colloque:{id}: the organiser and that colloque's desks, nobody else; and colloque-screens:{id},
/// the room screens, for anyone.
/// </summary>
public sealed class ColloqueLiveTests : IAsyncLifetime
{
    private readonly ConcertationFactory _app = new(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> DeskCookieAsync(string pairingCode)
    {
        using var handler = new HttpClientHandler { UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = _app.ServerAddress };
        client.DefaultRequestHeaders.Add("X-CSRF", "1");
        var response = await client.PostAsJsonAsync("/api/desks/pair", new { pairingCode }).WaitAsync(Within);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Set-Cookie").First().Split(';')[0];
    }

    [Fact]
    public async Task DeskOfColloqueA_CannotSubscribeToB_ButSeesArrivalsOfA()
    {
        var organiser = await _app.CreateOrganiserClientAsync().WaitAsync(Within);
        var a = await CreateColloqueAsync(organiser, "A");
        var b = await CreateColloqueAsync(organiser, "B");
        var code = await RegisterAsync(organiser, a, "Karim Bouchard", "institution");
        var (_, pairing) = await CreateDeskAsync(organiser, a, "Accueil A");
        var hubUrl = new Uri(_app.ServerAddress, "/hubs/live").ToString();
        await using var desk = await NodeHubClient.ConnectAsync(hubUrl, await DeskCookieAsync(pairing));
        await using var anonymous = await NodeHubClient.ConnectAsync(hubUrl);

        var refusedB = await Assert.ThrowsAsync<HubInvocationException>(() => desk.InvokeAsync("Subscribe", $"colloque:{b}", 0).WaitAsync(Within));
        await Assert.ThrowsAsync<HubInvocationException>(() => anonymous.InvokeAsync("Subscribe", $"colloque:{a}", 0).WaitAsync(Within));
        await desk.InvokeAsync("Subscribe", $"colloque:{a}", 0).WaitAsync(Within);
        await ScanAsync(organiser, a, code);

        Assert.Contains("refusé", refusedB.Message);
        var pushed = await desk.WaitForEventAsync(e => e.GetProperty("type").GetString() == "AttendeeArrived", Within);
        Assert.Equal(code, pushed.GetProperty("data").GetProperty("code").GetString());
        Assert.Equal("institution", pushed.GetProperty("data").GetProperty("category").GetString());
        Assert.DoesNotContain("Karim", pushed.ToString()); // the events keep no names: erasure must reach everything
    }

    [Fact]
    public async Task AnyoneMayFollowTheScreens_AndSeesARoomAdvanceAndTheAnnouncement_ButNotOnThePublicTopic()
    {
        // Arrange: a room with two sessions; an anonymous screen follows both colloque topics.
        var organiser = await _app.CreateOrganiserClientAsync().WaitAsync(Within);
        var colloque = await CreateColloqueAsync(organiser, "A");
        var opening = await SignupKit.AddSessionAsync(organiser, colloque, "Ouverture", "plenary", "Grande salle", 9);
        var panel = await SignupKit.AddSessionAsync(organiser, colloque, "Panel", "panel", "Grande salle", 10);
        (await organiser.PutAsJsonAsync($"/api/colloques/{colloque}/rooms/Grande salle/now", new { sessionId = opening }).WaitAsync(Within)).EnsureSuccessStatusCode();
        await using var screen = await NodeHubClient.ConnectAsync(new Uri(_app.ServerAddress, "/hubs/live").ToString());
        var snapshot = await screen.InvokeAsync("Subscribe", $"colloque-screens:{colloque}", 0).WaitAsync(Within);
        await screen.InvokeAsync("Subscribe", $"colloque-public:{colloque}", 0).WaitAsync(Within);
        await Assert.ThrowsAsync<HubInvocationException>(() => screen.InvokeAsync("Subscribe", $"colloque-screens:{colloque:N}", 0).WaitAsync(Within));

        // Act
        (await organiser.PostAsync($"/api/colloques/{colloque}/rooms/Grande salle/advance", null).WaitAsync(Within)).EnsureSuccessStatusCode();
        (await organiser.PutAsJsonAsync($"/api/colloques/{colloque}/announcement", new { text = "Pause de 10 minutes" }).WaitAsync(Within)).EnsureSuccessStatusCode();

        // Assert: the snapshot had the room's "now"; the events came on the screens topic, in the shapes the pages know.
        var room = Assert.Single(snapshot.GetProperty("snapshot").GetProperty("rooms").EnumerateArray());
        Assert.Equal(("Grande salle", opening), (room.GetProperty("name").GetString(), room.GetProperty("sessionId").GetGuid()));
        var advanced = await screen.WaitForEventAsync(e => e.GetProperty("type").GetString() == "RoomNowChanged", Within);
        Assert.Equal($"colloque-screens:{colloque}", advanced.GetProperty("topic").GetString());
        Assert.Equal(panel, advanced.GetProperty("data").GetProperty("sessionId").GetGuid());
        Assert.False(advanced.GetProperty("data").GetProperty("followsTimetable").GetBoolean());
        var announced = await screen.WaitForEventAsync(e => e.GetProperty("type").GetString() == "AnnouncementChanged", Within);
        Assert.Equal(("colloque-screens:" + colloque, "Pause de 10 minutes"),
            (announced.GetProperty("topic").GetString(), announced.GetProperty("data").GetProperty("text").GetString()));
        Assert.DoesNotContain(screen.Events, e => e.GetProperty("topic").GetString() == $"colloque-public:{colloque}"
            && e.GetProperty("type").GetString() is "RoomNowChanged" or "AnnouncementChanged");
    }
}
