#:sdk Microsoft.NET.Sdk.Web
#:property TargetFramework=net10.0
#:property PublishAot=false
// Baseline of the meetings benchmark: a bare ASP.NET Core WebSocket broadcast (no SignalR, no grains,
// no storage). Clients connect to /ws; POST /broadcast with a body sends that body, as one text
// frame, to every open socket. Run: dotnet run -c Release raw-ws-server.cs -- --urls http://127.0.0.1:5091
using System.Collections.Concurrent;
using System.Net.WebSockets;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();
app.UseWebSockets();
var sockets = new ConcurrentDictionary<Guid, WebSocket>();

app.Map("/ws", async (HttpContext context) =>
{
    if (!context.WebSockets.IsWebSocketRequest) return Results.BadRequest();
    using var socket = await context.WebSockets.AcceptWebSocketAsync();
    var id = Guid.NewGuid();
    sockets[id] = socket;
    var buffer = new byte[256];
    try
    {
        while (socket.State == WebSocketState.Open)
        {
            var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
            if (received.MessageType == WebSocketMessageType.Close) break;
        }
    }
    catch (Exception) when (context.RequestAborted.IsCancellationRequested || socket.State != WebSocketState.Open) { }
    finally { sockets.TryRemove(id, out _); }
    return Results.Empty;
});

app.MapPost("/broadcast", async (HttpContext context) =>
{
    using var reader = new StreamReader(context.Request.Body);
    var payload = System.Text.Encoding.UTF8.GetBytes(await reader.ReadToEndAsync());
    var sends = sockets.Values.Select(async s =>
    {
        try { await s.SendAsync(payload, WebSocketMessageType.Text, true, CancellationToken.None); } catch (WebSocketException) { }
    });
    await Task.WhenAll(sends);
    return Results.Ok(sockets.Count);
});

app.MapGet("/count", () => sockets.Count);
app.Run();
