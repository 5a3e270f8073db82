using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Collaboration.Browser.Tests.Infrastructure;

/// <summary>
/// The page's hub WebSocket (<c>/hubs/live</c>: the client skips negotiation, so it is the connection's only request)
/// relayed through the test, so a test can cut the network for the live connection alone: <see cref="DropAsync"/>
/// closes the open sockets and refuses new ones until <see cref="Restore"/>. Chromium's offline emulation leaves an
/// open WebSocket open (it only starves it until SignalR's 30 s server timeout), hence this.
/// </summary>
public sealed partial class HubSocketRelay
{
    private readonly ConcurrentStack<(IWebSocketRoute Page, IWebSocketRoute Server)> _open = new();
    private volatile bool _refusing;

    private HubSocketRelay()
    {
    }

    /// <summary>How many hub connections the page opened through the relay (refused ones included).</summary>
    public int Attempts { get; private set; }

    /// <summary>Relays every hub WebSocket the page opens from now on.</summary>
    public static async Task<HubSocketRelay> RouteAsync(IPage page, bool refusing = false)
    {
        var relay = new HubSocketRelay { _refusing = refusing };
        await page.RouteWebSocketAsync(HubSocket(), relay.OnSocket);
        return relay;
    }

    /// <summary>The network drops: open hub connections are cut, new ones refused.</summary>
    public async Task DropAsync()
    {
        _refusing = true;
        while (_open.TryPop(out var socket))
        {
            await socket.Page.CloseAsync(new() { Code = 4000, Reason = "network dropped" }).WaitAsync(Timeouts.Http);
            await socket.Server.CloseAsync(new() { Code = 4000, Reason = "network dropped" }).WaitAsync(Timeouts.Http);
        }
    }

    /// <summary>The network is back: new hub connections reach the server.</summary>
    public void Restore() => _refusing = false;

    /// <summary>True once a hub connection went through the relay to the server.</summary>
    public bool HasRelayed => !_open.IsEmpty;

    private void OnSocket(IWebSocketRoute socket)
    {
        Attempts++;
        if (_refusing)
        {
            // Not connected to the server: the page's socket is closed at once, as a refused connection would be.
            _ = socket.CloseAsync(new() { Code = 4000, Reason = "network down" });
            return;
        }
        _open.Push((socket, socket.ConnectToServer()));
    }

    [GeneratedRegex(@"/hubs/live(\?|$)")]
    private static partial Regex HubSocket();
}
