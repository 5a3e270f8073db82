using System.Diagnostics;
using Npgsql;

namespace Collaboration.Web.Platform.Backup;

/// <summary>
/// PostgreSQL's own tools: <c>pg_dump --format=custom</c> (one consistent snapshot, taken while the nodes go on
/// writing) and <c>pg_restore</c> into a new, empty database. The connection comes from the node's
/// <c>ConnectionStrings:Postgres</c>, handed to the tools as libpq's <c>PG*</c> variables (the password never on a
/// command line). <c>Backup:PostgresBin</c> names the folder of pg_dump/pg_restore (default: PATH, then the newest
/// /usr/lib/postgresql/*/bin); they must be at least the server's major version.
/// </summary>
public static class PostgresBackup
{
    public static async Task BackupAsync(string connectionString, string destinationPath, IConfiguration configuration)
    {
        if (File.Exists(destinationPath)) throw new BackupRefusedException($"Le fichier existe déjà / the file already exists: {destinationPath}");
        Directory.CreateDirectory(Path.GetDirectoryName(destinationPath)!);
        await RunAsync(Tool("pg_dump", configuration), connectionString, "--format=custom", "--no-owner", "--no-privileges", $"--file={destinationPath}");
    }

    public static async Task RestoreAsync(string backupPath, string connectionString, IConfiguration configuration)
    {
        if (!File.Exists(backupPath)) throw new BackupRefusedException($"Sauvegarde introuvable / backup not found: {backupPath}");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var tables = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')", connection);
            if ((long)(await tables.ExecuteScalarAsync())! > 0)
                throw new BackupRefusedException($"La base {connection.Database} n'est pas vide / is not empty: restaurez dans une nouvelle base / restore into a new database");
        }
        await RunAsync(Tool("pg_restore", configuration), connectionString, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
            $"--dbname={new NpgsqlConnectionStringBuilder(connectionString).Database}", backupPath);
    }

    private static async Task RunAsync(string tool, string connectionString, params string[] arguments)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PGHOST"] = cs.Host;
        start.Environment["PGPORT"] = cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = cs.Database;
        if (cs.Username is { } user) start.Environment["PGUSER"] = user;
        if (cs.Password is { } password) start.Environment["PGPASSWORD"] = password;
        if (cs.SslMode != SslMode.Disable) start.Environment["PGSSLMODE"] = cs.SslMode.ToString().ToLowerInvariant() switch { "verifyca" => "verify-ca", "verifyfull" => "verify-full", var m => m };
        using var process = Process.Start(start) ?? throw new BackupRefusedException($"{tool} n'a pas démarré / did not start");
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new BackupRefusedException($"{Path.GetFileName(tool)} a échoué / failed ({process.ExitCode}): {(await errors).Trim()}");
    }

    private static string Tool(string name, IConfiguration configuration)
    {
        if (configuration["Backup:PostgresBin"] is { Length: > 0 } folder) return Path.Combine(folder, name);
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(p => Path.Combine(p, name)).FirstOrDefault(File.Exists);
        if (onPath is not null) return onPath;
        var packaged = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", name)).Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0).FirstOrDefault()
            : null;
        return packaged ?? throw new BackupRefusedException($"{name} introuvable / not found: install PostgreSQL's client tools or set Backup:PostgresBin");
    }
}
