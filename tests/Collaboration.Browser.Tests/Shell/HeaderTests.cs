
namespace Collaboration.Browser.Tests.Shell;

[Collection(BrowserCollection.Name)]
public sealed partial class HeaderTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Header_ShowsConnected_WhenHubIsUp()
    {
        // Arrange
        await using var session = await fixture.NewSessionAsync(output);

        // Act
        await session.Page.GotoAsync("/");

        // Assert
        await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = Timeouts.Ui });
        await Expect(session.ConnectionState).ToHaveTextAsync("Mises à jour en direct : En ligne");
        await Expect(session.ConnectionState).ToHaveAttributeAsync("role", "status");
        await Expect(session.Page.GetByRole(AriaRole.Link, new() { Name = "Concertation — accueil" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Header_ShowsReconnecting_WhenNetworkDrops_ThenConnectedAgain()
    {
        // Arrange: the hub's WebSocket relayed through the test (HubSocketRelay), so the network can drop for it
        await using var session = await fixture.NewSessionAsync(output);
        var relay = await HubSocketRelay.RouteAsync(session.Page);
        await session.Page.GotoAsync("/");
        await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = Timeouts.Ui });
        Assert.True(relay.HasRelayed, "the hub connection did not go through the WebSocket relay");

        // Act: the network drops
        await relay.DropAsync();

        // Assert
        await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "reconnecting", new() { Timeout = Timeouts.Ui });
        await Expect(session.ConnectionState).ToContainTextAsync("Reconnexion…");

        // Act: the network is back
        relay.Restore();

        // Assert
        await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = Timeouts.Reconnect });
        await Expect(session.ConnectionState).ToContainTextAsync("En ligne");
    }

    [Fact]
    public async Task Header_ShowsOffline_WhenBrowserLosesNetwork_ThenConnectedAgain()
    {
        // Arrange
        await using var session = await fixture.NewSessionAsync(output);
        await session.Page.GotoAsync("/");
        await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = Timeouts.Ui });

        // Act
        await session.Context.SetOfflineAsync(true).WaitAsync(Timeouts.Http);

        // Assert
        await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "offline", new() { Timeout = Timeouts.Ui });
        await Expect(session.ConnectionState).ToContainTextAsync("Hors ligne");

        // Act
        await session.Context.SetOfflineAsync(false).WaitAsync(Timeouts.Http);

        // Assert
        await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = Timeouts.Reconnect });
    }

    [Fact]
    public async Task Header_ShowsOffline_WhenHubCannotBeReached_ThenConnectsWhenItCan()
    {
        // Arrange
        await using var session = await fixture.NewSessionAsync(output);
        var relay = await HubSocketRelay.RouteAsync(session.Page, refusing: true);

        // Act
        await session.Page.GotoAsync("/");

        // Assert
        await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "offline", new() { Timeout = Timeouts.Ui });
        await Expect(session.ConnectionState).ToContainTextAsync("Hors ligne");

        // Act
        relay.Restore();

        // Assert
        await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = Timeouts.Reconnect });
    }
}
