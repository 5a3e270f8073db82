using Collaboration.Testing;
using Collaboration.Web.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collaboration.Web.Tests.Live;

/// <summary>A refused Subscribe (anyone can cause one) is logged at information level without a stack trace, never as an error.</summary>
public sealed class HubRefusalLoggingTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly RecordingLoggerProvider _logs = new();
    private readonly ConcertationFactory _app;

    public HubRefusalLoggingTests() =>
        _app = new ConcertationFactory(null, kestrel: true, services: s => s.AddSingleton<ILoggerProvider>(_logs));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task RefusedSubscribe_IsLoggedAtInformation_WithoutAStackTrace()
    {
        await using var anonymous = await NodeHubClient.ConnectAsync(new Uri(_app.ServerAddress, "/hubs/live").ToString());

        var denied = await Record.ExceptionAsync(() => anonymous.InvokeAsync("Subscribe", $"meeting:{Guid.NewGuid()}", 0).WaitAsync(Timeout));
        var unknown = await Record.ExceptionAsync(() => anonymous.InvokeAsync("Subscribe", "nothing:here", 0).WaitAsync(Timeout));

        Assert.IsType<HubInvocationException>(denied);
        Assert.IsType<HubInvocationException>(unknown);
        var refusals = _logs.Entries.Where(e => e.Message.Contains("Subscribe", StringComparison.Ordinal) && e.Message.Contains("refused", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.All(refusals, e => Assert.Equal((LogLevel.Information, null), (e.Level, e.Exception)));
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Error);
    }
}
