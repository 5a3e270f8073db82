using System.Net;
using Collaboration.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Collaboration.Bench.Harness;

/// <summary>
/// Where the nodes' OTLP export goes in a benchmark: an HTTP endpoint (OTLP/HTTP, protobuf) that reads each export
/// whole and answers 200, as a collector would, and counts the bytes of each signal (traces, metrics, logs). It runs
/// in the bench process, so its CPU is the clients', not the nodes'.
/// </summary>
internal sealed class OtlpSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _traceBytes;

    private OtlpSink(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Bytes of trace exports received so far.</summary>
    public long TraceBytes => Interlocked.Read(ref _traceBytes);

    public static async Task<OtlpSink> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var sink = new OtlpSink(app, new Uri($"http://127.0.0.1:{port}"));
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            if (signal == "traces") Interlocked.Add(ref sink._traceBytes, body.Length);
            return Results.Ok();
        });
        await app.StartAsync();
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
