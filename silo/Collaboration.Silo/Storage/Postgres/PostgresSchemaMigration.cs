using Microsoft.Extensions.Logging;
using Npgsql;

namespace Collaboration.Silo.Storage.Postgres;

/// <summary>
/// Applies our PostgreSQL schema (membership, grain state, reminders, the providers' query texts)
/// at the very first stage of the silo's start, before clustering and storage read it.
/// </summary>
internal sealed class PostgresSchemaMigration(NpgsqlDataSource dataSource, ILogger<PostgresSchemaMigration> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PostgresSchemaMigration), ServiceLifecycleStage.First, async cancellationToken =>
        {
            await PostgresSchema.ApplyAsync(dataSource, cancellationToken);
            logger.LogInformation("PostgreSQL schema is up to date");
        });
}
