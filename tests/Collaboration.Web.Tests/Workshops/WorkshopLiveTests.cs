using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;

namespace Collaboration.Web.Tests.Workshops;

/// <summary>The workshop topics through the official SignalR client (Node) on real Kestrel.</summary>
public sealed class WorkshopLiveTests(WorkshopsAppFixture fixture) : IClassFixture<WorkshopsAppFixture>
{
    private static readonly TimeSpan Timeout = WorkshopsAppFixture.Timeout;

    private string HubUrl => new Uri(fixture.App.ServerAddress, "/hubs/live").ToString();

    [Fact]
    public async Task PublicTopic_CarriesCountsOnly_NeverANameEmailOrCode()
    {
        var session = await fixture.CreateSessionAsync(capacity: 1);
        await using var anonymous = await NodeHubClient.ConnectAsync(HubUrl).WaitAsync(Timeout);
        var subscribed = await anonymous.InvokeAsync("Subscribe", $"workshop:{session}", 0).WaitAsync(Timeout);
        Assert.Equal(1, subscribed.GetProperty("snapshot").GetProperty("seatsLeft").GetInt32());

        var first = await fixture.RegisterAsync(session, WorkshopsAppFixture.Registration("Secrète Entreprise", "secret@prive.ca", contactName: "Nom Privé"));
        var second = await fixture.RegisterAsync(session, WorkshopsAppFixture.Registration("Autre Cachée", "autre@prive.ca", contactName: "Autre Privé"));
        await fixture.Anonymous().DeleteAsync(
            $"/api/registrations/{first.GetProperty("id").GetString()}?token={first.GetProperty("manageToken").GetString()}").WaitAsync(Timeout);
        var promotion = await anonymous.WaitForEventAsync(e => e.GetProperty("type").GetString() == "WaitlistPromoted", Timeout);

        Assert.Equal(0, promotion.GetProperty("data").GetProperty("counts").GetProperty("waitlisted").GetInt32());
        var everything = string.Join("\n", anonymous.Events.Select(e => e.GetRawText())) + subscribed.GetRawText();
        foreach (var secret in new[] { "Secrète", "secret@prive.ca", "Nom Privé", "Autre", "autre@prive.ca",
                     first.GetProperty("code").GetString()!.Replace("-", ""), second.GetProperty("code").GetString()!.Replace("-", "") })
            Assert.DoesNotContain(secret, everything);
        Assert.All(anonymous.Events, e => Assert.Equal(["counts"], e.GetProperty("data").EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task ClosingASession_ReachesPublicSubscribers_AsAStatusInTheCounts()
    {
        var session = await fixture.CreateSessionAsync(capacity: 3);
        await using var anonymous = await NodeHubClient.ConnectAsync(HubUrl).WaitAsync(Timeout);
        await anonymous.InvokeAsync("Subscribe", $"workshop:{session}", 0).WaitAsync(Timeout);

        await fixture.Organiser.PatchAsJsonAsync($"/api/workshops/{session}", new { status = "Cancelled" }).WaitAsync(Timeout);

        var pushed = await anonymous.WaitForEventAsync(e => e.GetProperty("type").GetString() == "WorkshopUpdated", Timeout);
        Assert.Equal("cancelled", pushed.GetProperty("data").GetProperty("counts").GetProperty("status").GetString());
    }

    [Fact]
    public async Task OrganiserTopic_CarriesTheRegistrantList_AndIsRefusedToAnonymousClients()
    {
        var session = await fixture.CreateSessionAsync(capacity: 5);
        await fixture.RegisterAsync(session, WorkshopsAppFixture.Registration("Déjà Inscrite", "deja@exemple.ca"));
        await using var anonymous = await NodeHubClient.ConnectAsync(HubUrl).WaitAsync(Timeout);
        await using var organiser = await NodeHubClient.ConnectAsync(HubUrl, await fixture.App.SignInCookieAsync()).WaitAsync(Timeout);

        await Assert.ThrowsAsync<HubInvocationException>(() => anonymous.InvokeAsync("Subscribe", $"workshop-admin:{session}", 0).WaitAsync(Timeout));
        var snapshot = await organiser.InvokeAsync("Subscribe", $"workshop-admin:{session}", 0).WaitAsync(Timeout);
        await fixture.RegisterAsync(session, WorkshopsAppFixture.Registration("Nouvelle d'Arrivée", "nouvelle@exemple.ca"));
        var pushed = await organiser.WaitForEventAsync(e => e.GetProperty("type").GetString() == "RegistrationReceived", Timeout);

        Assert.Equal("Déjà Inscrite", snapshot.GetProperty("snapshot").GetProperty("registrants")[0].GetProperty("organisation").GetString());
        Assert.Equal("Nouvelle d'Arrivée", pushed.GetProperty("data").GetProperty("registrant").GetProperty("organisation").GetString());
        // Same shape as the snapshot, so the page can merge both.
        Assert.Equal(snapshot.GetProperty("snapshot").GetProperty("registrants")[0].GetProperty("status").GetString(),
            pushed.GetProperty("data").GetProperty("registrant").GetProperty("status").GetString());
        Assert.Equal("confirmed", pushed.GetProperty("data").GetProperty("registrant").GetProperty("status").GetString());
    }
}
