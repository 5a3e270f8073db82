using System.Threading.Channels;
using Collaboration.Grains.Live;
using Collaboration.Silo.Live;
using Microsoft.AspNetCore.SignalR;

namespace Collaboration.Web.Live;

/// <summary>
/// Pushes every committed event that reaches this silo (from any silo, through the live relay)
/// to the SignalR group of each topic its grain feeds. <see cref="LocalLiveFeed"/> hands them over
/// in version order per grain and one loop sends them, so a client receives a topic in order.
/// </summary>
public sealed class LiveBroadcaster(
    LocalLiveFeed feed, TopicRegistry topics, IHubContext<LiveHub> hub, ILogger<LiveBroadcaster> logger) : BackgroundService
{
    public const string ClientMethod = "event";

    private readonly Channel<LiveEnvelope> _outbox = Channel.CreateUnbounded<LiveEnvelope>(new() { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = feed.Subscribe(OnBatch);
        await foreach (var envelope in _outbox.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await hub.Clients.Group(envelope.Topic).SendAsync(ClientMethod, envelope, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not push {Topic} v{Version}", envelope.Topic, envelope.Version);
            }
        }
    }

    private void OnBatch(LiveBatch batch)
    {
        foreach (var topic in topics.FedBy(batch.Feed))
        {
            var name = $"{topic.Prefix}:{batch.Key}";
            foreach (var e in batch.Events)
            {
                var data = topic.Project(batch.Key, e);
                if (data is not null) _outbox.Writer.TryWrite(new LiveEnvelope(name, e.Version, e.Type, data));
            }
        }
    }
}
