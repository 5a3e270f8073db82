using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Collaboration.Browser.Tests.Shell;

[Collection(BrowserCollection.Name)]
public sealed partial class HeaderTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    private const string Negotiate = "**/hubs/live/negotiate**";

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
        // Chromium's offline emulation leaves an open WebSocket open (it only starves it until SignalR's
        // 30 s server timeout), so the drop is made explicit: the test relays the hub's WebSocket, cuts it,
        // and refuses new connections until the network is "back".
        // Arrange
        await using var session = await fixture.NewSessionAsync(output);
        var sockets = new ConcurrentStack<(IWebSocketRoute Page, IWebSocketRoute Server)>();
        await session.Page.RouteWebSocketAsync(HubSocket(), socket => sockets.Push((socket, socket.ConnectToServer())));
        await session.Page.GotoAsync("/");
        await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = Timeouts.Ui });
        Assert.True(sockets.TryPeek(out var socket), "the hub connection did not go through the WebSocket relay");

        // Act: the network drops
        await session.Page.RouteAsync(Negotiate, route => route.AbortAsync("internetdisconnected"));
        await socket.Page.CloseAsync(new() { Code = 4000, Reason = "network dropped" }).WaitAsync(Timeouts.Http);
        await socket.Server.CloseAsync(new() { Code = 4000, Reason = "network dropped" }).WaitAsync(Timeouts.Http);

        // Assert
        await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "reconnecting", new() { Timeout = Timeouts.Ui });
        await Expect(session.ConnectionState).ToContainTextAsync("Reconnexion…");

        // Act: the network is back
        await session.Page.UnrouteAsync(Negotiate);

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
        await session.Page.RouteAsync(Negotiate, route => route.AbortAsync("connectionrefused"));

        // Act
        await session.Page.GotoAsync("/");

        // Assert
        await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "offline", new() { Timeout = Timeouts.Ui });
        await Expect(session.ConnectionState).ToContainTextAsync("Hors ligne");

        // Act
        await session.Page.UnrouteAsync(Negotiate);

        // Assert
        await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = Timeouts.Reconnect });
    }

    [GeneratedRegex(@"/hubs/live\?")]
    private static partial Regex HubSocket();
}
