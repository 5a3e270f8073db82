using System.Threading.Channels;
using Collaboration.Grains.Live;
using Collaboration.Silo.Live;
using Microsoft.AspNetCore.SignalR;

namespace Collaboration.Web.Live;

/// <summary>
/// Pushes every committed event that reaches this silo (from any silo, through the live relay)
/// to the SignalR group of each topic its grain feeds. <see cref="LocalLiveFeed"/> hands them over
/// in version order per grain and one loop sends them, so a client receives a topic in order.
/// A batch pushed ahead of its feed's own write (<see cref="LiveBatch.Ahead"/>) goes to the same group
/// by the client method <c>ahead</c>, outside the topic's versions.
/// </summary>
public sealed class LiveBroadcaster(
    LocalLiveFeed feed, TopicRegistry topics, IHubContext<LiveHub> hub, ILogger<LiveBroadcaster> logger) : BackgroundService
{
    public const string ClientMethod = "event";

    /// <summary>The client method of events pushed ahead (version 0; the topic's own event follows).</summary>
    public const string AheadMethod = "ahead";

    private readonly Channel<(string Method, LiveEnvelope Envelope)> _outbox = Channel.CreateUnbounded<(string, LiveEnvelope)>(new() { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = feed.Subscribe(OnBatch);
        await foreach (var (method, envelope) in _outbox.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await hub.Clients.Group(envelope.Topic).SendAsync(method, envelope, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not push {Topic} v{Version}", envelope.Topic, envelope.Version);
            }
        }
    }

    private void OnBatch(LiveBatch batch)
    {
        var method = batch.Ahead ? AheadMethod : ClientMethod;
        foreach (var topic in topics.FedBy(batch.Feed))
        {
            var name = $"{topic.Prefix}:{batch.Key}";
            foreach (var e in batch.Events)
            {
                var data = topic.Project(batch.Key, e);
                if (data is not null) _outbox.Writer.TryWrite((method, new LiveEnvelope(name, e.Version, e.Type, data)));
            }
        }
    }
}
