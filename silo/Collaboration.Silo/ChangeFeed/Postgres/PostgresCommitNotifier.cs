using System.Threading.Channels;
using Collaboration.Silo.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Collaboration.Silo.ChangeFeed.Postgres;

/// <summary>
/// The node's one NOTIFY publisher. NOTIFY takes a database-wide lock at commit, so it is never
/// sent inside a grain's write: commits are queued here after they are durable and sent in
/// batches, one round trip per batch. A failed send is retried; notices are hints (the log is
/// the truth) so a late one costs latency, never correctness.
/// </summary>
public sealed class PostgresCommitNotifier(NpgsqlDataSource dataSource, SiloNode node, ILogger<PostgresCommitNotifier> logger)
    : BackgroundService, ICommitNotifier
{
    private const int MaxBatch = 1_000;
    private readonly Channel<string> _pending = Channel.CreateUnbounded<string>(new() { SingleReader = true });

    public void Notify(GrainCommit commit) =>
        _pending.Writer.TryWrite(new CommitNotice(node.Id, commit.GrainId, commit.FromVersion, commit.Version).Format());

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<string>(MaxBatch);
        var delay = TimeSpan.FromMilliseconds(100);
        while (await _pending.Reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var payload)) batch.Add(payload);
            try
            {
                await using var command = dataSource.CreateCommand(
                    $"SELECT pg_notify('{CommitNotice.Channel}', p) FROM unnest($1::text[]) AS p");
                command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. batch] });
                await command.ExecuteNonQueryAsync(stoppingToken);
                batch.Clear();
                delay = TimeSpan.FromMilliseconds(100);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not send {Count} commit notices; retrying in {Delay}", batch.Count, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }
}
