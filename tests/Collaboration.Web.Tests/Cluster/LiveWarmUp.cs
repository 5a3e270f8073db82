using Collaboration.Testing;

namespace Collaboration.Web.Tests.Cluster;

/// <summary>
/// A silo's live relay refreshes its list of the other silos' hubs every few seconds, so right
/// after start-up a batch may reach only the local hub (delivery between silos is best effort;
/// versions let clients ask again). Tests that check the raw push stream for gaps first wait, with
/// a throw-away client, until one pushed event of the writing silo reaches the other node's hub.
/// </summary>
public static class LiveWarmUp
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <param name="hubUrl">The hub of the node that must receive.</param>
    /// <param name="write">Writes one event of <paramref name="topic"/> on the other silo and returns its version.</param>
    public static async Task UntilDeliveredAsync(string hubUrl, string? cookie, string topic, Func<Task<long>> write)
    {
        await using var probe = await NodeHubClient.ConnectAsync(hubUrl, cookie);
        await probe.InvokeAsync("Subscribe", topic, 0).WaitAsync(Timeout);
        await Poll.UntilAsync(async () =>
        {
            var version = await write();
            try
            {
                await probe.WaitForEventAsync(e => e.GetProperty("topic").GetString() == topic && e.GetProperty("version").GetInt64() == version,
                    TimeSpan.FromSeconds(1));
                return true;
            }
            catch (TimeoutException)
            {
                return false;
            }
        }, Timeout, $"an event of {topic} written on one silo reaches the hub at {hubUrl}");
    }
}
