using Collaboration.Grains.Live;
using Collaboration.Grains.Tables.Events;
using Collaboration.Silo.Live;

namespace Collaboration.Web.Meetings;

/// <summary>
/// When a table revokes a member — on whichever node — the revocation event reaches every node
/// through the live relay, and each node takes that member's connections off its meeting topics.
/// </summary>
public sealed class RevokedMemberEjector(LocalLiveFeed feed, MeetingPresence presence) : IHostedService, IDisposable
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
        if (batch.Feed != "table") return;
        foreach (var e in batch.Events)
            if (e.Data is TableMemberAccessRevoked revoked) _ = presence.EjectAsync($"member:{revoked.MemberId:N}");
    }
}
