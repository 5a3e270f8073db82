using System.Net;
using System.Text.Json;
using Collaboration.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collaboration.Bench.Harness;

/// <summary>
/// The fan-out baseline: a bare ASP.NET Core SignalR hub (no grain, no storage, no auth), where
/// <c>POST /broadcast</c> sends its JSON body to every connection as client method <c>event</c>.
/// </summary>
internal sealed class BareHubServer : IAsyncDisposable
{
    public sealed class BareHub : Hub;

    private readonly WebApplication _app;

    private BareHubServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public Uri HubUrl => new(Address, "/hub");

    public static async Task<BareHubServer> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.MapHub<BareHub>("/hub");
        app.MapPost("/broadcast", async (HttpRequest request, IHubContext<BareHub> hub) =>
        {
            var payload = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            await hub.Clients.All.SendAsync("event", payload);
            return Results.NoContent();
        });
        await app.StartAsync();
        return new BareHubServer(app, new Uri($"http://127.0.0.1:{port}"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
