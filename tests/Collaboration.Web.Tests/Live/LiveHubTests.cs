using System.Text.Json;
using Collaboration.Testing;
using Collaboration.Web.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Web.Tests.Live;

/// <summary>The hub through the official @microsoft/signalr client (Node), on real Kestrel.</summary>
public sealed class LiveHubTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly ConcertationFactory _app = new(kestrel: true);

    private string HubUrl => new Uri(_app.ServerAddress, "/hubs/live").ToString();

    private INoteGrain Notes(string key) => _app.Services.GetRequiredService<IGrainFactory>().GetGrain<INoteGrain>(key);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Subscribe_ReturnsASnapshot_ThenPushesEachNewEvent()
    {
        await Notes("board").AddAsync("Ouverture de la séance");
        await using var client = await NodeHubClient.ConnectAsync(HubUrl, await _app.SignInCookieAsync());

        var result = await client.InvokeAsync("Subscribe", "test-note:board", 0).WaitAsync(Timeout);
        await Notes("board").AddAsync("Point 2 : accueil des travailleurs");
        var pushed = await client.WaitForEventAsync(e => e.GetProperty("version").GetInt64() == 2, Timeout);

        Assert.Equal(1, result.GetProperty("version").GetInt64());
        Assert.Equal("Ouverture de la séance", result.GetProperty("snapshot").GetProperty("notes")[0].GetString());
        Assert.Equal("test-note:board", pushed.GetProperty("topic").GetString());
        Assert.Equal("NoteAdded", pushed.GetProperty("type").GetString());
        Assert.Equal("Point 2 : accueil des travailleurs", pushed.GetProperty("data").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Subscribe_WithTheLastVersionSeen_ReturnsExactlyTheMissedEvents()
    {
        for (var i = 1; i <= 5; i++) await Notes("catch-up").AddAsync($"note {i}");
        await using var client = await NodeHubClient.ConnectAsync(HubUrl, await _app.SignInCookieAsync());

        var result = await client.InvokeAsync("Subscribe", "test-note:catch-up", 2).WaitAsync(Timeout);

        Assert.Equal(5, result.GetProperty("version").GetInt64());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("snapshot").ValueKind);
        var events = result.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal([3L, 4, 5], events.Select(e => e.GetProperty("version").GetInt64()));
        Assert.Equal("note 3", events[0].GetProperty("data").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Subscribe_FromAVersionAheadOfStorage_ReturnsASnapshot()
    {
        await Notes("reset").AddAsync("seule note");
        await using var client = await NodeHubClient.ConnectAsync(HubUrl, await _app.SignInCookieAsync());

        var result = await client.InvokeAsync("Subscribe", "test-note:reset", 40).WaitAsync(Timeout);

        Assert.Equal(1, result.GetProperty("version").GetInt64());
        Assert.Equal("seule note", result.GetProperty("snapshot").GetProperty("notes")[0].GetString());
    }

    [Fact]
    public async Task Subscribe_IsRefused_ForATopicTheCallerMayNotSee_AndNothingIsPushed()
    {
        await using var anonymous = await NodeHubClient.ConnectAsync(HubUrl);

        var refused = await Assert.ThrowsAsync<HubInvocationException>(() => anonymous.InvokeAsync("Subscribe", "test-note:private", 0).WaitAsync(Timeout));
        await anonymous.InvokeAsync("Subscribe", "test-note:public-marker", 0).WaitAsync(Timeout);
        await Notes("private").AddAsync("confidentiel");
        await Notes("public-marker").AddAsync("après");
        // Pushes go out in commit order: once the later one arrived, the earlier would have too.
        await anonymous.WaitForEventAsync(e => e.GetProperty("topic").GetString() == "test-note:public-marker", Timeout);

        Assert.Contains("Access to this topic is denied", refused.Message);
        Assert.DoesNotContain(anonymous.Events, e => e.GetProperty("topic").GetString() == "test-note:private");
    }

    [Fact]
    public async Task Subscribe_IsAllowed_AnonymouslyOnAPublicTopic()
    {
        await using var anonymous = await NodeHubClient.ConnectAsync(HubUrl);

        await anonymous.InvokeAsync("Subscribe", "test-note:public-board", 0).WaitAsync(Timeout);
        await Notes("public-board").AddAsync("Places restantes : 12");

        await anonymous.WaitForEventAsync(e => e.GetProperty("topic").GetString() == "test-note:public-board", Timeout);
    }

    [Theory]
    [InlineData("nowhere:1")]
    [InlineData("no-colon")]
    [InlineData("")]
    public async Task Subscribe_IsRefused_ForAnUnknownTopic(string topic)
    {
        await using var client = await NodeHubClient.ConnectAsync(HubUrl, await _app.SignInCookieAsync());

        var refused = await Assert.ThrowsAsync<HubInvocationException>(() => client.InvokeAsync("Subscribe", topic, 0).WaitAsync(Timeout));

        Assert.Contains("Unknown topic", refused.Message);
    }

    [Fact]
    public async Task Unsubscribe_StopsThePushes()
    {
        await using var client = await NodeHubClient.ConnectAsync(HubUrl, await _app.SignInCookieAsync());
        await client.InvokeAsync("Subscribe", "test-note:leave", 0).WaitAsync(Timeout);
        await Notes("leave").AddAsync("one");
        await client.WaitForEventAsync(e => e.GetProperty("version").GetInt64() == 1, Timeout);

        await client.InvokeAsync("Unsubscribe", "test-note:leave").WaitAsync(Timeout);
        await client.InvokeAsync("Subscribe", "test-note:leave-marker", 0).WaitAsync(Timeout);
        await Notes("leave").AddAsync("two");
        await Notes("leave-marker").AddAsync("after");
        await client.WaitForEventAsync(e => e.GetProperty("topic").GetString() == "test-note:leave-marker", Timeout);

        Assert.Single(client.Events, e => e.GetProperty("topic").GetString() == "test-note:leave");
    }
}
