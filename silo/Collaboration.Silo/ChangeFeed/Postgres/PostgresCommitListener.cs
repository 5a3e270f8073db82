using Collaboration.Silo.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Collaboration.Silo.ChangeFeed.Postgres;

/// <summary>
/// Listens for the other nodes' commit notices on a dedicated connection and feeds them to the
/// local change feed. Reconnects by itself; after a reconnect it asks the feed to compare what
/// it has delivered with storage, since notices sent meanwhile are lost.
/// </summary>
public sealed class PostgresCommitListener(
    NpgsqlDataSource dataSource, LocalChangeFeed feed, SiloNode node, ILogger<PostgresCommitListener> logger) : BackgroundService
{
    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(15);

    /// <summary>True while the LISTEN connection is up (for health and tests).</summary>
    public bool IsListening { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        var firstConnection = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN {CommitNotice.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                IsListening = true;
                delay = TimeSpan.FromMilliseconds(100);
                if (!firstConnection) feed.Resynchronize();
                firstConnection = false;
                logger.LogInformation("Listening for commits of other nodes");

                while (!stoppingToken.IsCancellationRequested)
                {
                    // A quiet wait proves nothing about the socket: ping it now and then.
                    if (!await connection.WaitAsync(IdleCheck, stoppingToken))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                IsListening = false;
                logger.LogWarning(ex, "Commit listener lost its connection; reconnecting in {Delay}", delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
        IsListening = false;
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (!CommitNotice.TryParse(e.Payload, out var notice) || notice.NodeId == node.Id) return;
        feed.PublishRemote(notice.GrainId, notice.FromVersion, notice.Version);
    }
}
