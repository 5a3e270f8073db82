using System.Net.Http.Json;
using Collaboration.Testing;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Proxy;

/// <summary>
/// Agenda items added to one meeting through the proxy, each remembered once the API acknowledged it, and the check
/// that live followers received every change: each version from where they started up to the meeting's last, once,
/// in order, with every acknowledged item among them.
/// </summary>
internal sealed class MeetingChanges(HttpClient organiser, Guid meetingId)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);
    private readonly List<Guid> _acknowledged = [];

    public string Topic => $"meeting:{meetingId}";

    public IReadOnlyList<Guid> Acknowledged => _acknowledged;

    /// <summary>Adds an agenda item; true when the API acknowledged it (a refused or failed call is not counted, nor retried).</summary>
    public async Task<bool> TryAddAsync(string title)
    {
        try
        {
            var response = await organiser.PostAsJsonAsync($"/api/meetings/{meetingId}/agenda",
                new { title, presenter = "", plannedMinutes = 5, notes = "" }).WaitAsync(CallTimeout);
            if (!response.IsSuccessStatusCode) return false;
            _acknowledged.Add((await response.ReadJsonAsync()).GetProperty("current").GetProperty("id").GetGuid());
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Adds an item, trying again until one is acknowledged (while a dead node is being noticed, calls may fail).</summary>
    public Task AddAsync(string title, TimeSpan deadline) =>
        Poll.UntilAsync(() => TryAddAsync(title), deadline, $"the agenda item '{title}' is acknowledged through the proxy");

    /// <summary>The meeting's last version, read through the proxy.</summary>
    public async Task<long> VersionAsync() => (await organiser.GetAsync($"/api/meetings/{meetingId}").OkJsonAsync()).GetProperty("version").GetInt64();

    /// <summary>
    /// Waits until every follower has the meeting's last version. Delivery between silos is best effort and the
    /// followers ask again by version when a push shows a gap; a change that was the last one has no later push to
    /// show it, so while they lag one more item is added (acknowledged and checked like the others).
    /// </summary>
    public async Task UntilFollowersCaughtUpAsync(IReadOnlyList<TopicFollower> followers, TimeSpan deadline)
    {
        var nudges = 0;
        await Poll.UntilAsync(async () =>
        {
            var version = await VersionAsync();
            try
            {
                foreach (var follower in followers)
                    await follower.WaitUntilAsync(f => f.LastVersion >= version, Settle, $"the follower has version {version}");
                return true;
            }
            catch (TimeoutException)
            {
                await TryAddAsync($"Relance {++nudges}");
                return false;
            }
        }, deadline, "every follower has the meeting's last version");
    }

    /// <summary>What every follower must have received: versions after <paramref name="from"/> up to the last, once each, and every acknowledged item.</summary>
    public async Task AssertReceivedEverythingAsync(TopicFollower follower, long from)
    {
        var last = await VersionAsync();
        var events = follower.Events.Where(e => e.GetProperty("topic").GetString() == Topic).ToList();
        var versions = events.Select(e => e.GetProperty("version").GetInt64()).SkipWhile(v => v <= from).ToList();
        Assert.Equal(Enumerable.Range(1, (int)(last - from)).Select(i => from + i), versions);
        var received = string.Join('\n', events.Select(e => e.GetRawText()));
        Assert.All(_acknowledged, id => Assert.Contains(id.ToString(), received, StringComparison.OrdinalIgnoreCase));
    }
}
