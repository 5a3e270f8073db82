using Microsoft.Data.Sqlite;

namespace Collaboration.Silo.Health;

public sealed class SqliteStorageProbe(string connectionString) : IStorageProbe
{
    public string Provider => "Sqlite";

    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
