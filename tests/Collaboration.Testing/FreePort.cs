using System.Net;
using System.Net.Sockets;

namespace Collaboration.Testing;

/// <summary>Free TCP ports on loopback, so silos started by tests in parallel never collide.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The Orleans settings of a silo on free ports.</summary>
    public static (string Key, string? Value)[] OrleansSettings() =>
        [("Orleans:SiloPort", Next().ToString()), ("Orleans:GatewayPort", Next().ToString())];
}
