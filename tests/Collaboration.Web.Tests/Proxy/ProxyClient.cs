using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace Collaboration.Web.Tests.Proxy;

/// <summary>
/// HTTP clients of the one public address, as a browser would be: the cookie kept by hand (to hand it to the Node
/// live client too), and optionally from a loopback address of its own (127.0.0.2, 127.0.0.3…), so that nginx sees
/// several clients on one machine.
/// </summary>
internal static class ProxyClient
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>A client of <paramref name="proxy"/> whose connections leave from <paramref name="from"/> (loopback by default).</summary>
    public static HttpClient From(Uri proxy, IPAddress? from = null)
    {
        var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false };
        if (from is not null)
        {
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }
        return new HttpClient(handler) { BaseAddress = proxy, Timeout = Timeout };
    }

    /// <summary>Signs the bootstrap organiser in through <paramref name="proxy"/>: a client that sends the cookie and X-CSRF, and the cookie.</summary>
    public static async Task<(HttpClient Client, string Cookie)> SignInOrganiserAsync(Uri proxy)
    {
        var client = From(proxy);
        var login = await client.PostAsJsonAsync("/api/auth/login",
            new { email = ConcertationFactory.OrganiserEmail, password = ConcertationFactory.OrganiserPassword }).WaitAsync(Timeout);
        login.EnsureSuccessStatusCode();
        var cookie = login.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        client.DefaultRequestHeaders.Add("X-CSRF", "1");
        return (client, cookie);
    }
}
