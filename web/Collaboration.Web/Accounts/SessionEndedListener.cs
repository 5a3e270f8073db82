using Collaboration.Grains.Live;
using Collaboration.Grains.Sessions;
using Collaboration.Silo.Live;

namespace Collaboration.Web.Accounts;

/// <summary>Hears, through the live relay, the sessions that end on any node, and applies it on this one.</summary>
public sealed class SessionEndedListener(LocalLiveFeed feed, Sessions sessions) : IHostedService, IDisposable
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = feed.Subscribe(OnBatch);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _subscription?.Dispose();

    private void OnBatch(LiveBatch batch)
    {
        if (batch.Feed != SessionGrain.Feed) return;
        foreach (var e in batch.Events)
            if (e.Data is SessionEnded ended) sessions.OnEnded(ended.SessionId);
    }
}
