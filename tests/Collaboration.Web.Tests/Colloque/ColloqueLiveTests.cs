using System.Net.Http.Json;
using Collaboration.Testing;
using static Collaboration.Web.Tests.Colloque.ColloqueKit;

namespace Collaboration.Web.Tests.Colloque;

/// <summary>The live topic colloque:{id}: the organiser and that colloque's desks, nobody else.</summary>
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
}
