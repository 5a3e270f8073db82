using Microsoft.Data.Sqlite;

namespace Collaboration.Web.Platform.Backup;

/// <summary>
/// SQLite's online backup API (<c>sqlite3_backup_*</c>, through Microsoft.Data.Sqlite): a page-by-page copy that is
/// consistent as of one moment, taken while the node goes on writing, and with the WAL's committed pages included —
/// copying <c>concertation.db</c> by hand while it runs can miss them or catch a page half written.
/// </summary>
public static class SqliteBackup
{
    public static async Task BackupAsync(string sourceConnectionString, string destinationPath)
    {
        var source = new SqliteConnectionStringBuilder(sourceConnectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        if (!File.Exists(source.DataSource)) throw new BackupRefusedException($"Base introuvable / database not found: {source.DataSource}");
        if (File.Exists(destinationPath)) throw new BackupRefusedException($"Le fichier existe déjà / the file already exists: {destinationPath}");
        Directory.CreateDirectory(Path.GetDirectoryName(destinationPath)!);
        await using var from = new SqliteConnection(source.ToString());
        await using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destinationPath, Pooling = false }.ToString());
        await from.OpenAsync();
        await to.OpenAsync();
        from.BackupDatabase(to);
        await CheckAsync(to, destinationPath);
    }

    /// <summary>Into a new file only (the node stopped, or not started on it yet): never over a database in use.</summary>
    public static async Task RestoreAsync(string backupPath, string targetConnectionString)
    {
        var target = new SqliteConnectionStringBuilder(targetConnectionString) { Pooling = false };
        if (!File.Exists(backupPath)) throw new BackupRefusedException($"Sauvegarde introuvable / backup not found: {backupPath}");
        if (File.Exists(target.DataSource))
            throw new BackupRefusedException($"La base existe déjà / the database already exists: {target.DataSource} — restaurez dans un nouveau fichier / restore into a new file");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target.DataSource))!);
        await using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backupPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await using var to = new SqliteConnection(target.ToString());
        await from.OpenAsync();
        await to.OpenAsync();
        await CheckAsync(from, backupPath);
        from.BackupDatabase(to);
        await using var wal = to.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode = WAL"; // as the node runs it
        await wal.ExecuteNonQueryAsync();
    }

    private static async Task CheckAsync(SqliteConnection connection, string path)
    {
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        if (await check.ExecuteScalarAsync() is not "ok") throw new BackupRefusedException($"Copie endommagée / damaged copy: {path}");
    }
}
