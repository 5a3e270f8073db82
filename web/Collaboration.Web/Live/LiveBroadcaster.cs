using System.Threading.Channels;
using Collaboration.Silo.ChangeFeed;
using Microsoft.AspNetCore.SignalR;

namespace Collaboration.Web.Live;

/// <summary>
/// Pushes every committed event to the SignalR group of each topic its grain feeds. One loop
/// sends in commit order, so a client receives a topic's versions in order.
/// </summary>
public sealed class LiveBroadcaster(
    LocalChangeFeed feed, TopicRegistry topics, IHubContext<LiveHub> hub, ILogger<LiveBroadcaster> logger) : BackgroundService
{
    public const string ClientMethod = "event";

    private readonly Channel<LiveEnvelope> _outbox = Channel.CreateUnbounded<LiveEnvelope>(new() { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = feed.Subscribe(OnCommit);
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

    private void OnCommit(GrainCommit commit)
    {
        foreach (var topic in topics.FedBy(commit.GrainId.Type))
        {
            var name = $"{topic.Prefix}:{commit.GrainId.Key}";
            foreach (var e in commit.Events)
            {
                var data = topic.Project(commit.GrainId.Key, e);
                if (data is not null) _outbox.Writer.TryWrite(new LiveEnvelope(name, e.Version, e.Type, data));
            }
        }
    }
}
