using Collaboration.Silo.Hosting;

namespace Collaboration.Web.Platform.Backup;

/// <summary>
/// <c>backup FILE</c> and <c>restore FILE</c> on the command line of the web node
/// (<c>dotnet Collaboration.Web.dll backup /backups/concertation-2026-12-06.db</c>), with the node's own configuration
/// (<c>Storage:Provider</c>, the connection strings), while the nodes run:
/// SQLite through its online backup API (<see cref="SqliteBackup"/>: a consistent copy, never a copy of a live WAL
/// file), PostgreSQL through <c>pg_dump</c> / <c>pg_restore</c> (<see cref="PostgresBackup"/>).
/// Restoring goes into a database that is new and empty, and no node runs on it yet.
/// </summary>
public static class BackupCommand
{
    public static bool IsRequested(string[] args) => args is ["backup" or "restore", ..];

    /// <summary>Runs the command; the process's exit code (0 done, 1 refused or failed, 2 usage).</summary>
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output)
    {
        if (args is not [var verb, var file, ..] || string.IsNullOrWhiteSpace(file))
        {
            await output.WriteLineAsync("Usage: Collaboration.Web backup FILE | restore FILE (with the node's configuration: Storage:Provider, ConnectionStrings:*)");
            return 2;
        }
        var path = Path.GetFullPath(file);
        try
        {
            var postgres = StorageProvider.IsPostgres(configuration);
            if (verb == "backup")
            {
                if (postgres) await PostgresBackup.BackupAsync(PostgresConnection(configuration), path, configuration);
                else await SqliteBackup.BackupAsync(SqliteConnection(configuration), path);
                await output.WriteLineAsync($"Sauvegarde écrite / backup written: {path}");
            }
            else
            {
                if (postgres) await PostgresBackup.RestoreAsync(path, PostgresConnection(configuration), configuration);
                else await SqliteBackup.RestoreAsync(path, SqliteConnection(configuration));
                await output.WriteLineAsync($"Restauration terminée / restore done from {path}");
            }
            return 0;
        }
        catch (BackupRefusedException e)
        {
            await output.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static string SqliteConnection(IConfiguration configuration) =>
        configuration.GetConnectionString("Sqlite") ?? StorageProvider.DefaultSqliteConnectionString;

    private static string PostgresConnection(IConfiguration configuration) =>
        configuration.GetConnectionString("Postgres") is { Length: > 0 } cs ? cs
            : throw new BackupRefusedException("ConnectionStrings:Postgres manque / is missing.");
}
