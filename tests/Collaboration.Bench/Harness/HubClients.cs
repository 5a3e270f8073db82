using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collaboration.Bench.Harness;

/// <summary>Official .NET SignalR clients (Microsoft.AspNetCore.SignalR.Client), WebSockets, as the browser client connects.</summary>
internal static class HubClients
{
    public static async Task<HubConnection> ConnectAsync(Uri hubUrl, string? cookie, string method, Action<JsonElement> onMessage)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hubUrl, options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                if (cookie is not null) options.Headers["Cookie"] = cookie;
            })
            .Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        connection.HandshakeTimeout = TimeSpan.FromSeconds(60);
        connection.On<JsonElement>(method, onMessage);
        await connection.StartAsync();
        return connection;
    }

    /// <summary>Opens <paramref name="count"/> connections, <paramref name="parallel"/> at a time; index → connection.</summary>
    public static async Task<HubConnection[]> ConnectManyAsync(int count, int parallel, Func<int, Task<HubConnection>> connect)
    {
        var connections = new HubConnection[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count) connections[i] = await connect(i);
        })));
        return connections;
    }

    public static async Task DisposeAllAsync(IEnumerable<HubConnection> connections)
    {
        await Task.WhenAll(connections.Where(c => c is not null).Select(async c =>
        {
            try
            {
                await c.DisposeAsync();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Closing at the end of a run: nothing to report.
            }
        }));
    }
}
