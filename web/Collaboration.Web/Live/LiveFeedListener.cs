using Collaboration.Grains.Live;
using Collaboration.Silo.Live;

namespace Collaboration.Web.Live;

/// <summary>
/// A node-wide reaction to committed events of one feed, from whichever node's grain raised them
/// (they reach every node through the live relay): subscribes to this node's <see cref="LocalLiveFeed"/>
/// for the host's lifetime and hands over the batches of <see cref="Feed"/>.
/// </summary>
public abstract class LiveFeedListener(LocalLiveFeed feed) : IHostedService, IDisposable
{
    private IDisposable? _subscription;

    /// <summary>The feed whose batches <see cref="OnEvent"/> hears.</summary>
    protected abstract string Feed { get; }

    /// <summary>One committed event of <see cref="Feed"/>, in the grain's version order.</summary>
    protected abstract void OnEvent(LiveEvent liveEvent);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = feed.Subscribe(batch =>
        {
            if (batch.Feed != Feed || batch.Ahead) return; // the feed's own events only (an event pushed ahead comes again from it)
            foreach (var e in batch.Events) OnEvent(e);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
