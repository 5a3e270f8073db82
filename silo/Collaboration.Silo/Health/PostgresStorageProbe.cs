using Npgsql;

namespace Collaboration.Silo.Health;

public sealed class PostgresStorageProbe(NpgsqlDataSource dataSource) : IStorageProbe
{
    public string Provider => "Postgres";

    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
